import DeskModel
import DeskPipeline
import DeskStore
import Foundation

/// Reads the desk and builds what a page (and its JSON twin) shows. Synchronous: call it off the server's threads.
struct ViewBuilder {
    let store: any WebBackend

    /// Stories listed at most on one page.
    static let storyLimit = 200
    /// Entities shown on a story page and on the entities page.
    static let entityLimit = 30

    /// The stories filters: every one optional; all given ones must hold.
    struct StoryFilters {
        var entity: String?
        var source: String?
        var tag: String?
        var since: Date?
        var until: Date?
        var narrows: Bool { entity != nil || source != nil || tag != nil }
    }

    func stories(user: WebUser?, filters f: StoryFilters) throws -> StoriesView {
        var list = try store.stories(limit: f.narrows ? 100_000 : Self.storyLimit, offset: 0)
        if let entity = f.entity {
            let ids = Set(try store.stories(entity: entity, limit: 100_000).map(\.id))
            list = list.filter { ids.contains($0.id) }
        }
        if let source = f.source {
            let ids = Set(try store.storyIDs(source: source))
            list = list.filter { ids.contains($0.id) }
        }
        let sources = try (store as? any SourceStore)?.sources() ?? []
        if let tag = f.tag {
            // A fetched article names its source by the subscription's title, else its host (SourcePoller).
            let labels = sources.filter { $0.tags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
                .flatMap { [$0.title, URL(string: $0.url)?.host].compactMap { $0 } }
            var ids = Set<Int64>()
            for label in Set(labels) { ids.formUnion(try store.storyIDs(source: label)) }
            list = list.filter { ids.contains($0.id) }
        }
        if let since = f.since { list = list.filter { $0.lastSeen >= since } }
        if let until = f.until { list = list.filter { $0.lastSeen <= until } }
        list = Array(list.prefix(Self.storyLimit))
        let unseen = try unseenCounts(user: user, stories: list)
        let rows = list.map { StoryRow($0, unseen: unseen[$0.id]) }
        return StoriesView(user: user?.name,
                           filters: .init(entity: f.entity, source: f.source, since: f.since.map(ISO8601.string), tag: f.tag,
                                          until: f.until.map(ISO8601.string)),
                           stories: rows, unseenStories: rows.filter { $0.unseen > 0 }.count,
                           tags: Array(Set(sources.flatMap(\.tags))).sorted())
    }

    /// What the user has not seen; with no user, every update of each story is unseen.
    func unseenCounts(user: WebUser?, stories: [StorySummary]) throws -> [Int64: UnseenCount] {
        if let user { return try store.unseen(user: user.id, stories: stories.map(\.id)) }
        var out: [Int64: UnseenCount] = [:]
        for s in stories where s.updateCount > 0 { out[s.id] = UnseenCount(storyID: s.id, count: s.updateCount, newest: nil) }
        return out
    }

    /// One page of a story: each long section paged on its own (`request`), every read bounded and indexed.
    func story(id: Int64, user: WebUser?, request: StoryPageRequest = .init()) throws -> StoryView? {
        let mark = try user.flatMap { try store.seenMark(user: $0.id, story: id) }
        var request = request
        request.seenAfter = mark?.lastSentenceID ?? 0
        guard let page = try store.storyPage(id: id, request) else { return nil }
        let unseen = UnseenCount(storyID: id, count: page.freshTotal, newest: page.fresh.first?.text)
        var groups: [String: [ArticleRow]] = [:]
        var order: [String] = []
        for a in page.articles {
            let name = a.source ?? "unknown source"
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(ArticleRow(a))
        }
        var revisions: [RevisionView] = []
        for articleID in page.revisedArticleIDs {
            guard let current = try store.article(id: articleID) else { continue }
            revisions += RevisionView.all(articleID: articleID, versions: try store.versions(articleID: articleID), current: current)
        }
        func link(_ section: String, _ n: Int) -> String {
            var pages = ["articles": request.articlePage, "updates": request.updatePage,
                         "timeline": request.timelinePage, "revisions": request.revisionPage]
            pages[section] = n
            let query = ["articles", "updates", "timeline", "revisions"].compactMap { key in
                pages[key]! > 1 ? "\(key)=\(pages[key]!)" : nil
            }.joined(separator: "&")
            return "/stories/\(id)" + (query.isEmpty ? "" : "?\(query)")
        }
        typealias R = StoryPageRequest
        let paging = StoryView.Paging(
            articles: .init(page: request.articlePage, perPage: R.articlesPerPage, total: page.articleTotal) { link("articles", $0) },
            updates: .init(page: request.updatePage, perPage: R.updatesPerPage, total: page.summary.updateCount) { link("updates", $0) },
            timeline: .init(page: request.timelinePage, perPage: R.timelineDatesPerPage, total: page.timelineDates) { link("timeline", $0) },
            revisions: .init(page: request.revisionPage, perPage: R.revisedArticlesPerPage, total: page.revisedTotal) { link("revisions", $0) })
        return StoryView(
            story: StoryRow(page.summary, unseen: unseen),
            newSinceLastLooked: page.fresh.map(UpdateRow.init),
            newSinceTotal: page.freshTotal,
            lastLooked: mark.map { ISO8601.string($0.at) },
            seenUpTo: page.newestUpdateID,
            updates: page.updates.map(UpdateRow.init),
            timeline: page.timeline.map { .init(date: $0.date, text: $0.text, sources: $0.sources) },
            sources: order.map { .init(name: $0, articles: groups[$0]!) },
            revisions: revisions,
            entities: try store.storyEntities(story: id, limit: Self.entityLimit).map(EntityRow.init),
            activity: try store.activity(story: id).map { .init(day: $0.day, articles: $0.articles, updates: $0.updates) },
            paging: paging)
    }

    func article(id: Int64) throws -> ArticleView? {
        guard let record = try store.articleRecord(id: id), let article = try store.article(id: id) else { return nil }
        var fields: [ArticleView.Field] = []
        if let p = article.published { fields.append(.init(name: "published", value: ISO8601.string(p.value), from: p.from)) }
        if let m = article.modified { fields.append(.init(name: "modified", value: ISO8601.string(m.value), from: m.from)) }
        if let c = article.canonicalURL { fields.append(.init(name: "canonical URL", value: c, from: "page")) }
        fields.append(.init(name: "input", value: article.kind.rawValue, from: "reader"))
        return ArticleView(
            id: id, docID: article.id, storyID: record.storyID, title: article.title, source: article.source,
            url: article.url.flatMap(SafeURL.http), byline: article.byline, standfirst: article.standfirst,
            language: article.language, tags: article.tags, version: record.summary.version, metadata: fields,
            paragraphs: article.paragraphs,
            captions: article.captions.map { caption in caption.credit.map { "\(caption.text) (\($0))" } ?? caption.text },
            removed: article.removed.map { .init(reason: $0.reason.rawValue, text: $0.text) },
            duplicates: try store.duplicates(of: id).map(ArticleRow.init),
            revisions: RevisionView.all(articleID: id, versions: try store.versions(articleID: id), current: article))
    }

    /// Search results shown at most.
    static let searchLimit = 50

    func search(_ query: String) throws -> SearchView {
        let hits = query.isEmpty ? [] : try store.search(query, limit: Self.searchLimit)
        return SearchView(query: query, hits: hits.map { .init(articleID: $0.articleID, storyID: $0.storyID, title: $0.title, snippet: $0.snippet) })
    }

    func entities() throws -> EntitiesView {
        EntitiesView(entities: try store.topEntities(limit: Self.entityLimit * 4).map(EntityRow.init))
    }

    /// Stories shown on an entity page; their timelines are searched for the entity's name.
    static let entityStoryLimit = 50

    func entity(key: String, user: WebUser?) throws -> EntityView? {
        guard let e = try store.entity(key: key) else { return nil }
        let stories = try store.stories(entity: key, limit: Self.entityStoryLimit)
        let unseen = try unseenCounts(user: user, stories: stories)
        let name = e.name.lowercased()
        var timeline: [StoryView.TimelineRow] = []
        for s in stories.prefix(10) {
            for t in try store.timeline(story: s.id) where t.text.lowercased().contains(name) {
                timeline.append(.init(date: t.date, text: t.text, sources: t.sources))
            }
        }
        return EntityView(entity: EntityRow(e), stories: stories.map { StoryRow($0, unseen: unseen[$0.id]) },
                          timeline: timeline.sorted { $0.date < $1.date })
    }
}

extension EntityRow {
    init(_ e: EntitySummary) {
        self.init(key: e.key, path: e.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? e.key, name: e.name, kind: e.kind, mentions: e.mentions, stories: e.stories)
    }
}
