import DeskModel
import DeskStore
import Foundation
import Hummingbird

/// Who is asking: a bearer token (`Authorization: Bearer ...`) or the `updesk_token` cookie, each the same
/// kind of API token, looked up by its SHA-256. No token: an anonymous reader, to whom everything is new.
enum Session {
    static let cookie = "updesk_token"

    static func token(_ request: Request) -> String? {
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") {
            return String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return request.cookies[cookie]?.value
    }

    static func user(_ request: Request, store: any WebBackend) async throws -> WebUser? {
        guard let token = token(request), !token.isEmpty else { return nil }
        let hash = Tokens.hash(token)
        return try await Blocking.run { try store.user(tokenHash: hash) }
    }

    /// The user, who must hold at least `role`.
    static func require(_ role: WebUser.Role, _ request: Request, store: any WebBackend) async throws -> WebUser {
        guard let user = try await user(request, store: store) else {
            throw WebError(.unauthorized, "this needs an API token: send Authorization: Bearer <token>")
        }
        let rank: [WebUser.Role: Int] = [.reader: 0, .editor: 1, .admin: 2]
        guard rank[user.role]! >= rank[role]! else {
            throw WebError(.forbidden, "this needs the \(role.rawValue) role; \(user.name) is a \(user.role.rawValue)")
        }
        return user
    }

    /// The cookie that carries a new reader's token (HttpOnly, SameSite=Lax: no script reads it and no other
    /// site's form can post with it).
    static func setCookie(_ token: String) -> String {
        "\(cookie)=\(token); Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"
    }
}
