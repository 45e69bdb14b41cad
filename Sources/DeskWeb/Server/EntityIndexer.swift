import DeskLanguage
import DeskModel
import DeskStore

/// Fills in the entity index for articles stored before ingest kept it (placement now writes each article's
/// entities with it): each such article's current version, analysed once. Runs at start and after ingest;
/// resumes where it stopped, and finds nothing to do on a desk built by this version.
final class EntityIndexer: @unchecked Sendable {
    let store: any WebBackend
    let analyzer = LanguageAnalyzer()
    /// Articles analysed per read of what is left: small enough that a stop loses little.
    static let batch = 200

    init(store: any WebBackend) {
        self.store = store
    }

    /// Indexes everything not yet indexed; returns how many articles it analysed.
    @discardableResult
    func run() throws -> Int {
        var done = 0
        while true {
            let todo = try store.articlesToIndex(limit: Self.batch)
            if todo.isEmpty { return done }
            for item in todo {
                let mentions = try store.article(id: item.id).map(mentions(in:)) ?? []
                try store.indexEntities(article: item.id, version: item.version, mentions)
                done += 1
            }
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
