import DeskModel
import DeskPipeline
import Foundation
import Hummingbird

/// The pages: server-rendered HTML that works without JavaScript.
extension WebDesk {
    func installPages() {
        let store = self.store, templates = self.templates
        let views = ViewBuilder(store: store)

        route(.get, "/", api: false) { request, _ in
            let user = try await Session.user(request, store: store)
            let q = request.uri.queryParameters
            let since = try Self.since(q["since"].map(String.init))
            let view = try await Blocking.run {
                try views.stories(user: user, entity: Self.nonEmpty(q["entity"]), source: Self.nonEmpty(q["source"]), since: since)
            }
            return try Responses.page(templates, "stories", title: "Stories", view)
        }
        route(.get, "/stories/{id}", api: false) { request, context in
            let id = try Self.id(context)
            let user = try await Session.user(request, store: store)
            guard let view = try await Blocking.run({ try views.story(id: id, user: user) }) else { throw WebError.notFound("story \(id)") }
            return try Responses.page(templates, "story", title: view.story.title, view)
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
                extra[.setCookie] = Session.setCookie(token)
            }
            try await Self.markSeen(store: store, user: user!, story: id, form: try await Self.form(request, context))
            extra[.location] = "/stories/\(id)"
            return Response(status: .seeOther, headers: extra)
        }
        route(.get, "/stories/{id}/activity.svg", api: false) { _, context in
            let id = try Self.id(context)
            let (days, title) = try await Blocking.run { () -> ([StoryView.ActivityDay], String?) in
                let title = try store.story(id: id)?.summary.title
                return (try store.activity(story: id).map { .init(day: $0.day, articles: $0.articles, updates: $0.updates) }, title)
            }
            guard let title else { throw WebError.notFound("story \(id)") }
            return Responses.text(ActivityPlot.svg(days, title: "Activity of \(title)"), contentType: "image/svg+xml")
        }
        route(.get, "/articles/{id}", api: false) { _, context in
            let id = try Self.id(context)
            guard let view = try await Blocking.run({ try views.article(id: id) }) else { throw WebError.notFound("article \(id)") }
            return try Responses.page(templates, "article", title: view.title ?? view.docID, view)
        }
        route(.get, "/search", api: false) { request, _ in
            let q = String(request.uri.queryParameters["q"] ?? "")
            let view = try await Blocking.run { try views.search(q) }
            return try Responses.page(templates, "search", title: q.isEmpty ? "Search" : "Search: \(q)", view)
        }
        route(.get, "/entities", api: false) { _, _ in
            let view = try await Blocking.run { try views.entities() }
            return try Responses.page(templates, "entities", title: "Entities", view)
        }
        route(.get, "/entities/{key}", api: false) { request, context in
            let key = Self.entityKey(context)
            let user = try await Session.user(request, store: store)
            guard let view = try await Blocking.run({ try views.entity(key: key, user: user) }) else { throw WebError.notFound("entity \"\(key)\"") }
            return try Responses.page(templates, "entity", title: view.entity.name, view)
        }
        let css = (try? String(contentsOf: Bundle.module.url(forResource: "Resources/desk", withExtension: "css")!, encoding: .utf8)) ?? ""
        route(.get, "/static/desk.css", api: false) { _, _ in
            Responses.text(css, contentType: "text/css; charset=utf-8")
        }
        route(.get, "/healthz", api: false) { _, _ in Responses.text("ok\n", contentType: "text/plain; charset=utf-8") }
        route(.get, "/readyz", api: false) { _, _ in
            let ok = try await Blocking.run { try store.integrityCheck() }
            return Responses.text(ok ? "ready\n" : "database check failed\n", contentType: "text/plain; charset=utf-8",
                                  status: ok ? .ok : .serviceUnavailable)
        }
    }

    /// The entity key of the path, percent-decoded.
    static func entityKey(_ context: BasicRequestContext) -> String {
        let raw = context.parameters.get("key") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    static func nonEmpty(_ s: Substring?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return String(s)
    }

    static func since(_ raw: String?) throws -> Date? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let d = try? Date(raw, strategy: .iso8601) else {
            throw WebError(.badRequest, "\"since\" is not an ISO 8601 time: \(raw.prefix(40))")
        }
        return d
    }

    /// The fields of a urlencoded form body.
    static func form(_ request: Request, _ context: BasicRequestContext) async throws -> [String: String] {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        var out: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if kv.count == 2 { out[kv[0]] = kv[1] }
        }
        return out
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
            guard let detail = try store.story(id: story) else { throw WebError.notFound("story \(story)") }
            let newest = detail.updates.map(\.sentenceID).max() ?? 0
            try store.markSeen(user: user.id, story: story, sentenceID: min(upTo ?? newest, newest), at: Date())
        }
    }
}
