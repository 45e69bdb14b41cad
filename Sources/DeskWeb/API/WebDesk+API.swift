import DeskExtract
import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Hummingbird

/// The JSON API: everything the pages show, plus ingest, users and watches.
extension WebDesk {
    func installAPI() {
        let store = self.store
        let views = ViewBuilder(store: store)
        let openAPI = (try? Data(contentsOf: Bundle.module.url(forResource: "Resources/openapi", withExtension: "json")!))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"

        route(.get, "/openapi.json", api: true) { _, _ in
            Responses.text(openAPI, contentType: "application/json; charset=utf-8")
        }
        route(.get, "/api/stories", api: true) { request, _ in
            let user = try await Session.user(request, store: store)
            let q = request.uri.queryParameters
            let filters = try Self.storyFilters(q)
            return try Responses.json(try await Blocking.run {
                try views.stories(user: user, filters: filters)
            })
        }
        route(.get, "/api/stories/{id}", api: true) { request, context in
            let id = try Self.id(context)
            let user = try await Session.user(request, store: store)
            let pages = try Self.storyPageRequest(request)
            guard let view = try await Blocking.run({ try views.story(id: id, user: user, request: pages) }) else { throw WebError.notFound("story \(id)") }
            return try Responses.json(view)
        }
        route(.post, "/api/stories/{id}/seen", api: true) { request, context in
            let id = try Self.id(context)
            let user = try await Session.require(.reader, request, store: store)
            var form: [String: String] = [:]
            if let raw = request.uri.queryParameters["upTo"] { form["upTo"] = String(raw) }
            try await Self.markSeen(store: store, user: user, story: id, form: form)
            let result = try await Blocking.run {
                SeenResult(storyID: id, lastSentenceID: try store.seenMark(user: user.id, story: id)?.lastSentenceID ?? 0,
                           unseen: try store.unseen(user: user.id, stories: [id])[id]?.count ?? 0)
            }
            return try Responses.json(result)
        }
        route(.get, "/api/articles/{id}", api: true) { _, context in
            let id = try Self.id(context)
            guard let view = try await Blocking.run({ try views.article(id: id) }) else { throw WebError.notFound("article \(id)") }
            return try Responses.json(view)
        }
        route(.get, "/api/search", api: true) { request, _ in
            let q = String(request.uri.queryParameters["q"] ?? "")
            guard !q.trimmingCharacters(in: .whitespaces).isEmpty else { throw WebError(.badRequest, "give a query: /api/search?q=words") }
            return try Responses.json(try await Blocking.run { try views.search(q) })
        }
        route(.get, "/api/entities", api: true) { _, _ in
            try Responses.json(try await Blocking.run { try views.entities() })
        }
        route(.get, "/api/entities/{key}", api: true) { request, context in
            let key = Self.entityKey(context)
            let user = try await Session.user(request, store: store)
            guard let view = try await Blocking.run({ try views.entity(key: key, user: user) }) else { throw WebError.notFound("entity \"\(key)\"") }
            return try Responses.json(view)
        }
        route(.get, "/api/updates", api: true) { request, _ in
            let hours = try Self.hours(request)
            let digest = try await Blocking.run { try Self.digest(store: store, hours: hours) }
            return Responses.text(digest.json(), contentType: "application/json; charset=utf-8")
        }
        route(.post, "/api/ingest", api: true) { request, context in
            _ = try await Session.require(.editor, request, store: store)
            let body = try await Self.body(request, context)
            let doc: RawDocument
            switch IngestRecord.parse(line: body, origin: "request") {
            case .success(let d): doc = d
            case .failure(let e): throw WebError(.badRequest, "not an ingest record: \(e.detail)")
            }
            let result = try await self.ingest([doc], rejected: [])
            return try Responses.json(result, status: result.queued != nil ? .accepted : result.stored + result.duplicates > 0 ? .created : .ok)
        }
        route(.post, "/api/ingest/batch", api: true) { request, context in
            _ = try await Session.require(.editor, request, store: store)
            let body = try await Self.body(request, context)
            var docs: [RawDocument] = []
            var rejected: [IngestResult.Rejected] = []
            for (i, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { continue }
                switch IngestRecord.parse(line: text, origin: "line \(i + 1)") {
                case .success(let d): docs.append(d)
                case .failure(let e): rejected.append(.init(line: i + 1, error: e.detail))
                }
            }
            guard !docs.isEmpty else {
                throw WebError(.badRequest, rejected.first.map { "no record could be read; line \($0.line): \($0.error)" }
                                   ?? "the body holds no records (JSON Lines: one {\"id\", \"title\"|\"text\"|\"html\", ...} per line)")
            }
            let result = try await self.ingest(docs, rejected: rejected)
            return try Responses.json(result, status: result.queued != nil ? .accepted : .ok)
        }
        route(.get, "/api/me", api: true) { request, _ in
            let user = try await Session.require(.reader, request, store: store)
            return try Responses.json(Me(id: user.id, name: user.name, role: user.role.rawValue))
        }
        route(.post, "/api/users", api: true) { request, context in
            _ = try await Session.require(.admin, request, store: store)
            let body: NewUserRequest = try Self.decode(try await Self.body(request, context))
            let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 100 else { throw WebError(.badRequest, "\"name\" must be 1 to 100 characters") }
            guard let role = WebUser.Role(rawValue: body.role ?? "reader") else {
                throw WebError(.badRequest, "\"role\" must be reader, editor or admin")
            }
            let token = Tokens.make()
            let hash = Tokens.hash(token)
            let user = try await Blocking.run { try store.addUser(name: name, role: role, tokenHash: hash, at: Date()) }
            return try Responses.json(NewUser(id: user.id, name: user.name, role: role.rawValue, token: token), status: .created)
        }
        installWatchAPI()
    }

    /// Ingests documents in order through the desk's stages, then refreshes the index and the watches.
    func ingest(_ docs: [RawDocument], rejected: [IngestResult.Rejected]) async throws -> IngestResult {
        if let intake = configuration.intake {
            let queued = try await Blocking.run { try intake.enqueue(docs) }
            return IngestResult(stored: 0, duplicates: 0, revised: 0, unchanged: 0, storiesOpened: 0, newSentences: 0, outcomes: [],
                                rejected: rejected, queued: queued)
        }
        let ingestor = self.ingestor
        // Extraction and analysis, one document per lane thread; then placement in order (IngestLane).
        let analyzed = try await withThrowingTaskGroup(of: (Int, AnalyzedArticle).self) { group in
            for (i, doc) in docs.enumerated() {
                group.addTask { (i, try await IngestLane.run { ingestor.prepare([doc])[0] }) }
            }
            var out = [AnalyzedArticle?](repeating: nil, count: docs.count)
            for try await (i, a) in group { out[i] = a }
            return out.map { $0! }
        }
        let result = try await IngestLane.run { () -> IngestResult in
            var r = IngestResult(stored: 0, duplicates: 0, revised: 0, unchanged: 0, storiesOpened: 0, newSentences: 0, outcomes: [], rejected: rejected)
            for (doc, item) in zip(docs, analyzed) {
                let o = try ingestor.place(item)
                switch o.action {
                case .stored: r.stored += 1
                case .duplicate: r.duplicates += 1
                case .revised: r.revised += 1
                case .unchanged: r.unchanged += 1
                }
                if o.openedStory { r.storiesOpened += 1 }
                r.newSentences += o.newSentences
                r.outcomes.append(.init(docID: doc.id, action: o.action.rawValue, articleID: o.articleID, storyID: o.storyID,
                                        openedStory: o.openedStory, newSentences: o.newSentences))
            }
            return r
        }
        for (action, n) in Dictionary(grouping: result.outcomes, by: \.action).mapValues(\.count) { metrics.ingested(action: action, count: n) }
        if !result.rejected.isEmpty { metrics.rejected(count: result.rejected.count) }
        await refresh()
        return result
    }

    static func body(_ request: Request, _ context: DeskContext) async throws -> String {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes), !text.isEmpty else {
            throw WebError(.badRequest, "the request has no body")
        }
        return text
    }

    static func decode<T: Decodable>(_ body: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.utf8))
        } catch DecodingError.keyNotFound(let key, _) {
            throw WebError(.badRequest, "the body has no \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let c) {
            throw WebError(.badRequest, "\"\(c.codingPath.last?.stringValue ?? "body")\" has the wrong type")
        } catch {
            throw WebError(.badRequest, "the body is not a JSON object")
        }
    }

    /// Hours before the desk's latest article that "what is new" covers (default a day).
    static let defaultHours = 24.0

    static func hours(_ request: Request) throws -> Double {
        guard let raw = request.uri.queryParameters["hours"] else { return defaultHours }
        guard let h = Double(String(raw)), h > 0, h.isFinite else { throw WebError(.badRequest, "\"hours\" must be a positive number") }
        return h
    }

    /// What is new in the last `hours` of the desk's own time (its latest article), as the demo's digest.
    static func digest(store: any WebBackend, hours: Double) throws -> Digest {
        let since = try store.latestPublished().map { $0.addingTimeInterval(-hours * 3600) }
        return try Digest.build(from: store, since: since)
    }
}
