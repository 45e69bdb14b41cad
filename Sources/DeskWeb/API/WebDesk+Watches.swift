import DeskModel
import DeskPipeline
import Foundation
import Hummingbird

/// Watches over the API: editors make and remove them; every user reads them.
extension WebDesk {
    /// Makes a watch from a checked form (API or browser): it starts at the desk's newest fact, gets a webhook
    /// secret when it has a webhook, and starts its scheduled digests there too.
    static func addWatch(store: any WebBackend, digests: WatchDigestWriter?, user: WebUser, _ form: WatchForm) async throws -> Watch {
        try await Blocking.run {
            let watch = try store.addWatch(Watch(id: 0, userID: user.id, name: form.name, query: form.query, entities: form.entities,
                                                 sources: form.sources, webhookURL: form.webhookURL,
                                                 secret: form.webhookURL == nil ? nil : Tokens.make(),
                                                 lastSentenceID: try store.newestSentenceID(), created: Date()))
            try digests?.begin(watch)
            return watch
        }
    }

    /// Removes a watch; 404 when there is none.
    static func deleteWatch(store: any WebBackend, id: Int64) async throws {
        let found = try await Blocking.run { () -> Bool in
            guard try store.watch(id: id) != nil else { return false }
            try store.deleteWatch(id: id)
            return true
        }
        guard found else { throw WebError.notFound("watch \(id)") }
    }

    func installWatchAPI() {
        let store = self.store, digests = self.digests
        route(.post, "/api/watches", api: true) { request, context in
            let user = try await Session.require(.editor, request, store: store)
            let body: WatchRequest = try Self.decode(try await Self.body(request, context))
            let form = try WatchForm(name: body.name, query: body.query, entities: body.entities, sources: body.sources,
                                     webhookURL: body.webhookURL)
            let watch = try await Self.addWatch(store: store, digests: digests, user: user, form)
            return try Responses.json(Self.view(watch, showSecret: true, deliveries: nil), status: .created)
        }
        route(.get, "/api/watches", api: true) { request, _ in
            let user = try await Session.require(.reader, request, store: store)
            let list = try await Blocking.run { try store.watches(user: user.role == .reader ? user.id : nil) }
            return try Responses.json(list.map { Self.view($0, showSecret: false, deliveries: nil) })
        }
        route(.get, "/api/watches/{id}", api: true) { request, context in
            let id = try Self.id(context)
            _ = try await Session.require(.reader, request, store: store)
            let (watch, deliveries) = try await Blocking.run { (try store.watch(id: id), try store.deliveries(watch: id)) }
            guard let watch else { throw WebError.notFound("watch \(id)") }
            return try Responses.json(Self.view(watch, showSecret: false, deliveries: deliveries))
        }
        route(.put, "/api/watches/{id}", api: true) { request, context in
            let id = try Self.id(context)
            _ = try await Session.require(.editor, request, store: store)
            let body: WatchRequest = try Self.decode(try await Self.body(request, context))
            let form = try WatchForm(name: body.name, query: body.query, entities: body.entities, sources: body.sources,
                                     webhookURL: body.webhookURL)
            try await Self.update(store: store, id: id, form)
            let (watch, deliveries) = try await Blocking.run { (try store.watch(id: id), try store.deliveries(watch: id)) }
            guard let watch else { throw WebError.notFound("watch \(id)") }
            return try Responses.json(Self.view(watch, showSecret: false, deliveries: deliveries))
        }
        route(.delete, "/api/watches/{id}", api: true) { request, context in
            let id = try Self.id(context)
            _ = try await Session.require(.editor, request, store: store)
            try await Self.deleteWatch(store: store, id: id)
            return Response(status: .noContent)
        }
    }

    static func view(_ w: Watch, showSecret: Bool, deliveries: [WebhookDelivery]?) -> WatchView {
        WatchView(id: w.id, name: w.name, query: w.query, entities: w.entities, sources: w.sources, webhookURL: w.webhookURL,
                  secret: showSecret ? w.secret : nil, lastSentenceID: w.lastSentenceID, created: ISO8601.string(w.created),
                  deliveries: deliveries?.map {
                      DeliveryView(id: $0.id, state: $0.state.rawValue, attempts: $0.attempts, lastError: $0.lastError,
                                   nextAttempt: ISO8601.string($0.nextAttempt))
                  })
    }
}
