import DeskModel
import DeskStore
import Foundation
import Hummingbird

/// Watches in the browser: the list, a new-watch form, each watch's edit and delete forms. Changing needs the
/// editor role; every form carries the session's CSRF token (checked by `CSRFCheck` before these run).
extension WebDesk {
    func installWatchPages() {
        let store = self.store, templates = self.templates, digests = self.digests

        @Sendable func row(_ w: Watch) -> WatchesPage.Row {
            .init(id: w.id, name: w.name, query: w.query, entities: w.entities.joined(separator: ", "),
                  sources: w.sources.joined(separator: ", "), webhookURL: w.webhookURL)
        }
        @Sendable func isEditor(_ user: WebUser?) -> Bool { user.map { $0.role != .reader } ?? false }

        route(.get, "/watches", api: false) { request, _ in
            let visitor = try await Session.visitor(request, store: store)
            let list = try await Blocking.run { () -> [Watch] in
                guard let user = visitor.user else { return [] }
                return try store.watches(user: user.role == .reader ? user.id : nil)
            }
            let page = WatchesPage(watches: list.map(row), canEdit: isEditor(visitor.user), signedIn: visitor.user != nil, secret: nil)
            return try Responses.page(templates, "watches", title: "Watches", page, visitor: visitor)
        }
        route(.post, "/watches", api: false) { request, context in
            let user = try await Session.require(.editor, request, store: store)
            let form = try WatchForm(fields: try await Self.form(request, context))
            let watch = try await Self.addWatch(store: store, digests: digests, user: user, form)
            if watch.secret != nil {
                // The secret is shown once, on the answer's page, never in a URL.
                let visitor = try await Session.visitor(request, store: store)
                let list = try await Blocking.run { try store.watches(user: nil) }
                let page = WatchesPage(watches: list.map(row), canEdit: true, signedIn: true, secret: watch.secret)
                return try Responses.page(templates, "watches", title: "Watches", page, status: .created, visitor: visitor)
            }
            return Response(status: .seeOther, headers: [.location: "/watches/\(watch.id)"])
        }
        route(.get, "/watches/{id}", api: false) { request, context in
            let id = try Self.id(context)
            let visitor = try await Session.visitor(request, store: store)
            guard let user = visitor.user else { throw WebError(.unauthorized, "log in to see watches") }
            let (watch, deliveries) = try await Blocking.run { (try store.watch(id: id), try store.deliveries(watch: id)) }
            guard let watch, user.role != .reader || watch.userID == user.id else { throw WebError.notFound("watch \(id)") }
            let page = WatchPage(watch: row(watch), canEdit: isEditor(user),
                                 deliveries: Self.view(watch, showSecret: false, deliveries: deliveries).deliveries ?? [])
            return try Responses.page(templates, "watch", title: "Watch: \(watch.name)", page, visitor: visitor)
        }
        route(.post, "/watches/{id}", api: false) { request, context in
            let id = try Self.id(context)
            _ = try await Session.require(.editor, request, store: store)
            let form = try WatchForm(fields: try await Self.form(request, context))
            try await Self.update(store: store, id: id, form)
            return Response(status: .seeOther, headers: [.location: "/watches/\(id)"])
        }
        route(.post, "/watches/{id}/delete", api: false) { request, context in
            let id = try Self.id(context)
            _ = try await Session.require(.editor, request, store: store)
            try await Self.deleteWatch(store: store, id: id)
            return Response(status: .seeOther, headers: [.location: "/watches"])
        }
    }

    /// Changes a watch in place (a store without `WatchEditStore` cannot: 501-like 400 with the reason).
    static func update(store: any WebBackend, id: Int64, _ form: WatchForm) async throws {
        try await Blocking.run {
            guard try store.watch(id: id) != nil else { throw WebError.notFound("watch \(id)") }
            guard let editable = store as? any WatchEditStore else {
                throw WebError(.badRequest, "this desk's store cannot change watches in place: delete and add it again")
            }
            try editable.updateWatch(id: id, name: form.name, query: form.query, entities: form.entities,
                                     sources: form.sources, webhookURL: form.webhookURL)
        }
    }
}
