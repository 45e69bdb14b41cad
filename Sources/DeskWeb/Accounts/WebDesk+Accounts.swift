import DeskModel
import DeskStore
import Foundation
import Hummingbird

/// Password logins: the login form, `POST /login` (rate-limited), `POST /logout`, and `POST /api/accounts`
/// for an admin. Needs a store that is also an `AccountStore`; without one these routes answer 404.
extension WebDesk {
    func installAccounts() {
        let store = self.store, templates = self.templates, config = self.configuration
        let accounts = store as? any AccountBackend
        // A well-formed record of no password anyone has (random salt and key, the configured rounds), verified
        // when the named account does not exist, so such a login costs what a real one does.
        let dummyHash = PasswordHasher(rounds: config.passwordRounds).unmatchable()

        route(.get, "/login", api: false) { request, _ in
            let visitor = try await Session.visitor(request, store: store)
            return try Responses.page(templates, "login", title: "Log in", LoginView(name: "", message: nil), visitor: visitor)
        }
        route(.post, "/login", api: false) { request, context in
            guard let accounts else { throw WebError.notFound("login on this desk (its store keeps no accounts)") }
            let form = try await Self.form(request, context)
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            let address = context.clientAddress
            let limiter = LoginLimiter(store: accounts, policy: config.loginLimit)
            let now = Date()
            if let wait = try await Blocking.run({ try limiter.retryAfter(account: name, address: address, now: now) }) {
                var extra = HTTPFields()
                extra[.retryAfter] = String(wait)
                return try Responses.page(templates, "login", title: "Log in",
                                          LoginView(name: name, message: "Too many failed logins: try again in \(wait) s."),
                                          extra: extra, status: .tooManyRequests)
            }
            let user = try await Blocking.run { () -> WebUser? in
                let account = try accounts.account(name: name)
                // A missing account costs the same KDF time as a wrong password: timing does not tell names.
                let ok = PasswordHasher.verify(password, against: account?.passwordHash ?? dummyHash)
                guard let account, ok else {
                    try limiter.failed(account: name, address: address, now: now)
                    return nil
                }
                try limiter.succeeded(account: name, now: now)
                return account.user
            }
            guard let user else {
                return try Responses.page(templates, "login", title: "Log in",
                                          LoginView(name: name, message: "Wrong name or password."), status: .unauthorized)
            }
            let sessionID = Tokens.make(), csrf = Tokens.make()
            let hash = Tokens.hash(sessionID)
            try await Blocking.run {
                _ = try accounts.deleteExpiredSessions(now: now)
                try accounts.addSession(idHash: hash, userID: user.id, csrfToken: csrf, created: now,
                                        expires: now.addingTimeInterval(Session.lifetime))
            }
            var extra = HTTPFields()
            extra[.setCookie] = Session.cookie(Session.sessionCookie, sessionID, maxAge: Int(Session.lifetime), secure: config.behindTLS)
            extra[.location] = "/"
            return Response(status: .seeOther, headers: extra)
        }
        route(.post, "/logout", api: false) { request, _ in
            // The CSRF check (middleware) has already run: a session's logout form carries its token.
            let visitor = try await Session.visitor(request, store: store)
            if let hash = visitor.sessionHash, let accounts { try await Blocking.run { try accounts.deleteSession(idHash: hash) } }
            var extra = HTTPFields()
            extra[.setCookie] = Session.cookie(Session.sessionCookie, "", maxAge: 0, secure: config.behindTLS)
            extra[.location] = "/"
            return Response(status: .seeOther, headers: extra)
        }
        route(.post, "/api/accounts", api: true) { request, context in
            _ = try await Session.require(.admin, request, store: store)
            guard let accounts else { throw WebError.notFound("accounts on this desk (its store keeps none)") }
            let body: NewAccountRequest = try Self.decode(try await Self.body(request, context))
            guard let role = WebUser.Role(rawValue: body.role ?? "reader") else {
                throw WebError(.badRequest, "\"role\" must be reader, editor or admin")
            }
            let rounds = config.passwordRounds
            let user = try await Blocking.run {
                try AccountAdmin.create(store: accounts, name: body.name, role: role, password: body.password, rounds: rounds)
            }
            return try Responses.json(Me(id: user.id, name: user.name, role: user.role.rawValue), status: .created)
        }
    }
}
