import DeskLanguage
import DeskModel
import DeskPipeline

/// One revision of an article with its sentence diff, each sentence with its text.
public struct RevisionView: Codable, Sendable {
    public var articleID: Int64
    public var title: String?
    /// The version this revision replaced.
    public var version: Int
    public var created: String
    public var correction: Bool
    public var correctionNote: String?
    public var headlineChanged: Bool
    public var lines: [DiffLine]

    public struct DiffLine: Codable, Sendable {
        /// added, removed, changed, moved or unchanged.
        public var op: String
        public var text: String
        /// For a changed sentence: its words, kept, removed or inserted.
        public var words: [Word]
    }

    public struct Word: Codable, Sendable {
        public var kind: String
        public var text: String
        public var kept: Bool
        public var removed: Bool
        public var inserted: Bool
    }

    /// The revision that turned `old` into `new` (the next stored version, or the current article).
    static func build(articleID: Int64, old: StoredVersion, new: Article) -> RevisionView {
        let splitter = SentenceSplitter()
        let oldSentences = old.article.paragraphs.flatMap { splitter.split($0) }
        var newSentences = new.paragraphs.flatMap { splitter.split($0) }
        if newSentences.isEmpty, let t = new.title { newSentences = [t] }
        var lines: [DiffLine] = []
        for e in old.revision.verdict?.diff.entries ?? [] {
            let text: String
            switch e.op {
            case .removed: text = e.oldIndex.flatMap { $0 < oldSentences.count ? oldSentences[$0] : nil } ?? ""
            default: text = e.newIndex.flatMap { $0 < newSentences.count ? newSentences[$0] : nil } ?? ""
            }
            let words = e.words.map {
                Word(kind: $0.kind.rawValue, text: $0.text, kept: $0.kind == .kept, removed: $0.kind == .removed, inserted: $0.kind == .inserted)
            }
            lines.append(DiffLine(op: e.op.rawValue, text: text, words: words))
        }
        return RevisionView(articleID: articleID, title: new.title, version: old.version, created: ISO8601.string(old.replaced),
                            correction: old.revision.isCorrection, correctionNote: old.revision.verdict?.correctionNote,
                            headlineChanged: old.revision.verdict?.headlineChanged ?? false, lines: lines)
    }

    /// Every revision of an article, oldest first.
    static func all(articleID: Int64, versions: [StoredVersion], current: Article) -> [RevisionView] {
        versions.enumerated().map { i, v in
            build(articleID: articleID, old: v, new: i + 1 < versions.count ? versions[i + 1].article : current)
        }
    }
}
