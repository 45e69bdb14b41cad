import DeskModel
import DeskStore

/// Stories as sets of document ids, independent of the ids the stories were given.
enum Partition {
    static func of(_ store: any Store) throws -> Set<Set<String>> {
        var stories: [Int64: Set<String>] = [:]
        for a in try store.assignments() { stories[a.storyID, default: []].insert(a.docID) }
        return Set(stories.values)
    }
}
