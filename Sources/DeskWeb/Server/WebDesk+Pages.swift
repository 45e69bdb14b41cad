import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Hummingbird

/// The pages: server-rendered HTML that works without JavaScript.
extension WebDesk {
    func installPages() {
        let store = self.store, templates = self.templates
        let views = ViewBuilder(store: store)
        let secure = configuration.behindTLS

        route(.get, "/", api: false) { request, _ in
            let visitor = try await Session.visitor(request, store: store)
            let user = visitor.user
            let q = request.uri.queryParameters
            let filters = try Self.storyFilters(q)
            let view = try await Blocking.run {
                try views.stories(user: user, filters: filters)
            }
            return try Responses.page(templates, "stories", title: "Stories", view, visitor: visitor)
        }
        route(.get, "/stories/{id}", api: false) { request, context in
            let id = try Self.id(context)
            let visitor = try await Session.visitor(request, store: store)
            let user = visitor.user
            let pages = try Self.storyPageRequest(request)
            guard let view = try await Blocking.run({ try views.story(id: id, user: user, request: pages) }) else { throw WebError.notFound("story \(id)") }
            return try Responses.page(templates, "story", title: view.story.title, view, visitor: visitor)
        }
        route(.post, "/stories/{id}/seen", api: false) { request, context in
            let id = try Self.id(context)
            var extra = HTTPFields()
            var user = try await Session.user(request, store: store)
            if user == nil {
                // A first mark makes this browser a reader of its own; the cookie carries its token.
                let token = Tokens.make()
                let hash = Tokens.hash(token)
                user = try await Blocking.run { try store.addUser(name: "reader", role: .reader, tokenHash: hash, at: Date()) }
                extra[.setCookie] = Session.setCookie(token, secure: secure)
            }
            try await Self.markSeen(store: store, user: user!, story: id, form: try await Self.form(request, context))
            extra[.location] = "/stories/\(id)"
            return Response(status: .seeOther, headers: extra)
        }
        route(.get, "/stories/{id}/activity.svg", api: false) { _, context in
            let id = try Self.id(context)
            let (days, title) = try await Blocking.run { () -> ([StoryView.ActivityDay], String?) in
                let title = try store.storyPage(id: id, .init())?.summary.title
                return (try store.activity(story: id).map { .init(day: $0.day, articles: $0.articles, updates: $0.updates) }, title)
            }
            guard let title else { throw WebError.notFound("story \(id)") }
            return Responses.text(ActivityPlot.svg(days, title: "Activity of \(title)"), contentType: "image/svg+xml")
        }
        route(.get, "/articles/{id}", api: false) { request, context in
            let id = try Self.id(context)
            let visitor = try await Session.visitor(request, store: store)
            guard let view = try await Blocking.run({ try views.article(id: id) }) else { throw WebError.notFound("article \(id)") }
            return try Responses.page(templates, "article", title: view.title ?? view.docID, view, visitor: visitor)
        }
        route(.get, "/search", api: false) { request, _ in
            let q = String(request.uri.queryParameters["q"] ?? "")
            let visitor = try await Session.visitor(request, store: store)
            let view = try await Blocking.run { try views.search(q) }
            return try Responses.page(templates, "search", title: q.isEmpty ? "Search" : "Search: \(q)", view, visitor: visitor)
        }
        route(.get, "/entities", api: false) { request, _ in
            let visitor = try await Session.visitor(request, store: store)
            let view = try await Blocking.run { try views.entities() }
            return try Responses.page(templates, "entities", title: "Entities", view, visitor: visitor)
        }
        route(.get, "/entities/{key}", api: false) { request, context in
            let key = Self.entityKey(context)
            let visitor = try await Session.visitor(request, store: store)
            let user = visitor.user
            guard let view = try await Blocking.run({ try views.entity(key: key, user: user) }) else { throw WebError.notFound("entity \"\(key)\"") }
            return try Responses.page(templates, "entity", title: view.entity.name, view, visitor: visitor)
        }
        let css = (try? String(contentsOf: Bundle.module.url(forResource: "Resources/desk", withExtension: "css")!, encoding: .utf8)) ?? ""
        route(.get, "/static/desk.css", api: false) { _, _ in
            Responses.text(css, contentType: "text/css; charset=utf-8")
        }
        let metrics = self.metrics
        route(.get, "/metrics", api: false) { _, _ in
            // Pending webhook messages, counted up to a cap (WebStore lists them; it has no count).
            let pending = try await Blocking.run { try store.dueDeliveries(now: .distantFuture, limit: Self.outboxCountCap).count }
            metrics.outboxBacklog(pending)
            return Responses.text(metrics.text(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        route(.get, "/healthz", api: false) { _, _ in Responses.text("ok\n", contentType: "text/plain; charset=utf-8") }
        route(.get, "/readyz", api: false) { _, _ in
            let ok = try await Blocking.run { try store.integrityCheck() }
            return Responses.text(ok ? "ready\n" : "database check failed\n", contentType: "text/plain; charset=utf-8",
                                  status: ok ? .ok : .serviceUnavailable)
        }
    }

    /// The outbox backlog on /metrics counts at most this many messages (a backlog past it is an alarm anyway).
    static let outboxCountCap = 10_000

    /// The entity key of the path, percent-decoded.
    static func entityKey(_ context: DeskContext) -> String {
        let raw = context.parameters.get("key") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    static func nonEmpty(_ s: Substring?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return String(s)
    }

    /// The stories filters of a query: `entity`, `source`, `tag`, `since`, `until` (ISO 8601).
    static func storyFilters(_ q: Parameters) throws -> ViewBuilder.StoryFilters {
        ViewBuilder.StoryFilters(entity: nonEmpty(q["entity"]), source: nonEmpty(q["source"]), tag: nonEmpty(q["tag"]),
                                 since: try since(q["since"].map(String.init), name: "since"),
                                 until: try since(q["until"].map(String.init), name: "until"))
    }

    static func since(_ raw: String?, name: String = "since") throws -> Date? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let d = try? Date(raw, strategy: .iso8601) else {
            throw WebError(.badRequest, "\"\(name)\" is not an ISO 8601 time: \(raw.prefix(40))")
        }
        return d
    }

    /// The page of each paged section of a story page: `?articles=N&updates=N&timeline=N&revisions=N` (1-based).
    static func storyPageRequest(_ request: Request) throws -> StoryPageRequest {
        let q = request.uri.queryParameters
        func page(_ name: String) throws -> Int {
            guard let raw = q[name[...]] else { return 1 }
            guard let n = Int(raw), n >= 1, n <= 1_000_000 else {
                throw WebError(.badRequest, "\"\(name)\" must be a page number from 1")
            }
            return n
        }
        return StoryPageRequest(articlePage: try page("articles"), updatePage: try page("updates"),
                                timelinePage: try page("timeline"), revisionPage: try page("revisions"))
    }

    /// The fields of a urlencoded form body.
    static func form(_ request: Request, _ context: DeskContext) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return FormBody.parse(String(buffer: buffer))
    }

    /// Marks a story seen up to `upTo` (the newest update the page showed), or all of it.
    static func markSeen(store: any WebBackend, user: WebUser, story: Int64, form: [String: String]) async throws {
        let upTo: Int64?
        if let raw = form["upTo"] {
            guard let v = Int64(raw), v >= 0 else { throw WebError(.badRequest, "\"upTo\" must be an update id") }
            upTo = v
        } else {
            upTo = nil
        }
        try await Blocking.run {
            guard let newest = try store.newestUpdateID(story: story) else { throw WebError.notFound("story \(story)") }
            try store.markSeen(user: user.id, story: story, sentenceID: min(upTo ?? newest, newest), at: Date())
        }
    }
}
