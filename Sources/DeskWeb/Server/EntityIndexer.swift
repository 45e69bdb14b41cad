import Foundation
import DeskLanguage
import DeskModel
import DeskStore

/// Fills in the entity index for articles stored before ingest kept it (placement now writes each article's
/// entities with it): each such article's current version, analysed once. Runs at start and after ingest;
/// resumes where it stopped, and finds nothing to do on a desk built by this version.
///
/// It remembers how far it has looked (`checkedThrough`): a run reads only articles stored since, so the
/// refresh after each ingest costs a few rows, not a scan of the whole desk (at 1M articles that scan took
/// about half a second per refresh and made POSTs to a grown desk time out). An article revised after it was
/// looked at is indexed by placement itself, with its new version.
final class EntityIndexer: @unchecked Sendable {
    let store: any WebBackend
    let analyzer = LanguageAnalyzer()
    /// Articles analysed per read of what is left: small enough that a stop loses little.
    static let batch = 200
    private let lock = NSLock()
    private var checkedThrough: Int64 = 0

    init(store: any WebBackend) {
        self.store = store
    }

    /// Indexes everything not yet indexed; returns how many articles it analysed.
    @discardableResult
    func run() throws -> Int {
        // One run at a time: two refreshes would otherwise analyse the same articles twice.
        lock.lock()
        defer { lock.unlock() }
        // The end is read first: articles stored while this run scans are looked at by the next one.
        let end = try store.lastArticleID()
        var done = 0
        while true {
            let todo = try store.articlesToIndex(after: checkedThrough, through: end, limit: Self.batch)
            for item in todo {
                let mentions = try store.article(id: item.id).map(mentions(in:)) ?? []
                try store.indexEntities(article: item.id, version: item.version, mentions)
                done += 1
            }
            guard let last = todo.last, todo.count == Self.batch else {
                checkedThrough = max(checkedThrough, end)
                return done
            }
            checkedThrough = last.id
        }
    }

    func mentions(in article: Article) -> [EntityMention] {
        var analyzed = analyzer.analyze(article)
        // A headline-only item is told by its headline (as the ingest stages do).
        if analyzed.sentences.isEmpty, let title = article.title, !title.isEmpty {
            var headline = article
            headline.paragraphs = [title]
            analyzed = analyzer.analyze(headline)
        }
        return analyzed.indexedEntities
    }
}
