import DeskModel
import DeskStore
import Foundation
import Hummingbird

/// Who is asking, in order: a bearer token (`Authorization: Bearer ...`, the API; never needs CSRF), a login
/// session (`updesk_session` cookie, password accounts), or a reader's token cookie (`updesk_token`, made by a
/// first "mark as seen"). No credentials: an anonymous reader, to whom everything is new.
enum Session {
    static let tokenCookie = "updesk_token"
    static let sessionCookie = "updesk_session"
    /// A login session lasts 12 hours (a working day and some), then the browser logs in again.
    static let lifetime: TimeInterval = 12 * 3600

    /// The requester and, when a cookie authenticated them, the CSRF token their forms must carry.
    struct Visitor {
        var user: WebUser?
        /// Set only for cookie authentication: bearer requests cannot be forged cross-site.
        var csrf: String?
        /// The SHA-256 of the session cookie, when a session authenticated them.
        var sessionHash: String?
        static let anonymous = Visitor(user: nil, csrf: nil, sessionHash: nil)
    }

    static func bearer(_ request: Request) -> String? {
        guard let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") else { return nil }
        return String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    static func visitor(_ request: Request, store: any WebBackend) async throws -> Visitor {
        if let token = bearer(request), !token.isEmpty {
            let hash = Tokens.hash(token)
            return Visitor(user: try await Blocking.run { try store.user(tokenHash: hash) }, csrf: nil, sessionHash: nil)
        }
        if let raw = request.cookies[sessionCookie]?.value, !raw.isEmpty, let accounts = store as? any AccountStore {
            let hash = Tokens.hash(raw)
            if let session = try await Blocking.run({ try accounts.session(idHash: hash, now: Date()) }) {
                return Visitor(user: session.user, csrf: session.csrfToken, sessionHash: hash)
            }
        }
        if let token = request.cookies[tokenCookie]?.value, !token.isEmpty {
            let hash = Tokens.hash(token)
            if let user = try await Blocking.run({ try store.user(tokenHash: hash) }) {
                // Bound to the cookie's secret: another site can neither read nor compute it.
                return Visitor(user: user, csrf: HMACSHA256.hex(key: token, message: "updesk-csrf"), sessionHash: nil)
            }
        }
        return .anonymous
    }

    static func user(_ request: Request, store: any WebBackend) async throws -> WebUser? {
        try await visitor(request, store: store).user
    }

    /// The user, who must hold at least `role`.
    static func require(_ role: WebUser.Role, _ request: Request, store: any WebBackend) async throws -> WebUser {
        guard let user = try await user(request, store: store) else {
            throw WebError(.unauthorized, "this needs an API token (send Authorization: Bearer <token>) or a login")
        }
        let rank: [WebUser.Role: Int] = [.reader: 0, .editor: 1, .admin: 2]
        guard rank[user.role]! >= rank[role]! else {
            throw WebError(.forbidden, "this needs the \(role.rawValue) role; \(user.name) is a \(user.role.rawValue)")
        }
        return user
    }

    /// A cookie: HttpOnly (no script reads it), SameSite=Lax (no other site's form posts with it), Secure when
    /// the server runs behind TLS.
    static func cookie(_ name: String, _ value: String, maxAge: Int, secure: Bool) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Lax; Max-Age=\(maxAge)" + (secure ? "; Secure" : "")
    }

    /// The cookie that carries a new reader's token (kept a year).
    static func setCookie(_ token: String, secure: Bool) -> String {
        cookie(tokenCookie, token, maxAge: 31_536_000, secure: secure)
    }
}
