import DeskModel
import DeskStore
import Foundation
import NIOHTTP1
import Testing
@testable import DeskWeb

/// Password accounts, sessions, CSRF and the login rate limit, against a live server.
@Suite struct AccountTests {
    /// PBKDF2 rounds in these tests: the check is the scheme, not its cost (the server's default is 600,000).
    static let config = WebDesk.Configuration(passwordRounds: 1_000)

    static func form(_ fields: [String: String]) -> String {
        let allowed = CharacterSet.alphanumerics
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    }

    static let formType = [("Content-Type", "application/x-www-form-urlencoded")]

    /// Makes an account through the admin API and logs in; returns the session cookie ("name=value").
    static func login(_ server: WebServer, _ name: String, role: String, password: String = "correct horse") async throws -> String {
        let api = try await APIChecks(server)
        let made = try await api.call(.POST, "/api/accounts", body: "{\"name\":\"\(name)\",\"role\":\"\(role)\",\"password\":\"\(password)\"}",
                                      token: WebServer.adminToken)
        #expect(made.status == 201, "\(made.body)")
        let r = try await server.request(.POST, "/login", body: form(["name": name, "password": password]), headers: formType)
        #expect(r.status == 303, "\(r.body)")
        let cookie = try #require(r.headers.first(name: "Set-Cookie"))
        return String(cookie.split(separator: ";")[0])
    }

    static func csrf(in page: String) -> String? {
        guard let r = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test func adminMakesAccountsAndOnlyAHashIsStored() async throws {
        try await WebServer.with(Self.config) { server in
            let api = try await APIChecks(server)
            let body = "{\"name\":\"ed\",\"role\":\"editor\",\"password\":\"s3cret-pass-phrase\"}"
            #expect(try await api.call(.POST, "/api/accounts", body: body).status == 401)
            let reader = try await server.makeUser("rita", role: "reader")
            #expect(try await api.call(.POST, "/api/accounts", body: body, token: reader).status == 403)
            #expect(try await api.call(.POST, "/api/accounts", body: body, token: WebServer.adminToken).status == 201)
            #expect(try await api.call(.POST, "/api/accounts", body: body, token: WebServer.adminToken).status == 409)
            let short = "{\"name\":\"al\",\"password\":\"short\"}"
            #expect(try await api.call(.POST, "/api/accounts", body: short, token: WebServer.adminToken).status == 400)
            let badName = "{\"name\":\"<b>x</b>\",\"password\":\"long enough pass\"}"
            #expect(try await api.call(.POST, "/api/accounts", body: badName, token: WebServer.adminToken).status == 400)
            let account = try #require(try server.store.account(name: "ed"))
            #expect(account.user.role == .editor)
            #expect(account.passwordHash.hasPrefix("pbkdf2-sha256$1000$"))
            #expect(PasswordHasher.verify("s3cret-pass-phrase", against: account.passwordHash))
            #expect(!PasswordHasher.verify("s3cret-pass-phrasE", against: account.passwordHash))
            // The password is nowhere in the database files.
            for suffix in ["", "-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: server.folder + "/desk.sqlite" + suffix))) ?? Data()
                #expect(bytes.range(of: Data("s3cret-pass-phrase".utf8)) == nil)
            }
        }
    }

    @Test func loginSetsASessionCookieAndLogoutEndsIt() async throws {
        try await WebServer.with(Self.config) { server in
            let loginPage = try await server.get("/login")
            #expect(loginPage.status == 200 && loginPage.body.contains("type=\"password\""))
            let wrong = try await server.request(.POST, "/login", body: Self.form(["name": "ed", "password": "nope nope"]), headers: Self.formType)
            #expect(wrong.status == 401 && wrong.body.contains("Wrong name or password"))
            // Login CSRF: a form on another site cannot log this browser in (its Origin names that site).
            let foreign = try await server.request(.POST, "/login", body: Self.form(["name": "ed", "password": "nope nope"]),
                                                   headers: Self.formType + [("Origin", "https://evil.example")])
            #expect(foreign.status == 403)
            let api = try await APIChecks(server)
            _ = try await api.call(.POST, "/api/accounts", body: "{\"name\":\"ed\",\"role\":\"editor\",\"password\":\"correct horse\"}", token: WebServer.adminToken)
            let r = try await server.request(.POST, "/login", body: Self.form(["name": "ed", "password": "correct horse"]),
                                             headers: Self.formType + [("Origin", "http://127.0.0.1:\(server.port)")])
            #expect(r.status == 303)
            let setCookie = try #require(r.headers.first(name: "Set-Cookie"))
            #expect(setCookie.hasPrefix("updesk_session=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure"), "no TLS configured")
            let cookie = String(setCookie.split(separator: ";")[0])
            let me = try await server.get("/api/me", headers: [("Cookie", cookie)])
            #expect(me.status == 200 && me.object["name"] as? String == "ed")
            let home = try await server.get("/", headers: [("Cookie", cookie)])
            #expect(home.body.contains("ed (editor)") && home.body.contains("action=\"/logout\""))
            let token = try #require(Self.csrf(in: home.body))
            #expect(token.count == 64)
            // Logout without the CSRF token is refused; with it the session ends.
            #expect(try await server.request(.POST, "/logout", body: "", headers: [("Cookie", cookie)] + Self.formType).status == 403)
            let out = try await server.request(.POST, "/logout", body: Self.form(["csrf": token]), headers: [("Cookie", cookie)] + Self.formType)
            #expect(out.status == 303 && out.headers.first(name: "Set-Cookie")?.contains("Max-Age=0") == true)
            #expect(try await server.get("/api/me", headers: [("Cookie", cookie)]).status == 401)
        }
    }

    @Test func behindTLSTheCookieIsSecure() async throws {
        var config = Self.config
        config.behindTLS = true
        try await WebServer.with(config) { server in
            let api = try await APIChecks(server)
            _ = try await api.call(.POST, "/api/accounts", body: "{\"name\":\"ed\",\"password\":\"correct horse\"}", token: WebServer.adminToken)
            let r = try await server.request(.POST, "/login", body: Self.form(["name": "ed", "password": "correct horse"]), headers: Self.formType)
            #expect(r.headers.first(name: "Set-Cookie")?.contains("; Secure") == true)
        }
    }

    @Test func cookieAuthenticatedPostsNeedTheCSRFToken() async throws {
        try await WebServer.with(Self.config) { server in
            try await server.ingest(Corpus.first)
            let cookie = try await Self.login(server, "ed", role: "editor")
            let page = try await server.get("/stories/1", headers: [("Cookie", cookie)])
            #expect(page.status == 200)
            let token = try #require(Self.csrf(in: page.body))
            let headers = [("Cookie", cookie)] + Self.formType
            #expect(try await server.request(.POST, "/stories/1/seen", body: "upTo=1", headers: headers).status == 403)
            #expect(try await server.request(.POST, "/stories/1/seen", body: Self.form(["upTo": "1", "csrf": String(repeating: "0", count: 64)]),
                                             headers: headers).status == 403)
            #expect(try await server.request(.POST, "/stories/1/seen", body: Self.form(["csrf": token]), headers: headers).status == 303)
            // The JSON API with the cookie: the header carries the token; a bearer token needs none.
            let watch = "{\"name\":\"harbour\",\"query\":\"harbour\"}"
            let json = [("Cookie", cookie), ("Content-Type", "application/json")]
            #expect(try await server.request(.POST, "/api/watches", body: watch, headers: json).status == 403)
            #expect(try await server.request(.POST, "/api/watches", body: watch, headers: json + [("X-CSRF-Token", token)]).status == 201)
            #expect(try await server.request(.POST, "/api/watches", body: watch, token: WebServer.adminToken).status == 201)
            // Another session's token does not fit this one.
            let other = try await Self.login(server, "al", role: "editor")
            let otherToken = try #require(Self.csrf(in: try await server.get("/", headers: [("Cookie", other)]).body))
            #expect(otherToken != token)
            #expect(try await server.request(.POST, "/stories/1/seen", body: Self.form(["csrf": otherToken]), headers: headers).status == 403)
            // A reader's token cookie (from a first "mark as seen") is bound the same way.
            let first = try await server.request(.POST, "/stories/2/seen", body: "", headers: Self.formType)
            let readerCookie = String(try #require(first.headers.first(name: "Set-Cookie")).split(separator: ";")[0])
            let rh = [("Cookie", readerCookie)] + Self.formType
            #expect(try await server.request(.POST, "/stories/2/seen", body: "", headers: rh).status == 403)
            let readerToken = try #require(Self.csrf(in: try await server.get("/stories/2", headers: [("Cookie", readerCookie)]).body))
            #expect(try await server.request(.POST, "/stories/2/seen", body: Self.form(["csrf": readerToken]), headers: rh).status == 303)
        }
    }

    @Test func rolesHoldForSessionsToo() async throws {
        try await WebServer.with(Self.config) { server in
            let cookie = try await Self.login(server, "rita", role: "reader")
            let token = try #require(Self.csrf(in: try await server.get("/", headers: [("Cookie", cookie)]).body))
            let h = [("Cookie", cookie), ("Content-Type", "application/json"), ("X-CSRF-Token", token)]
            #expect(try await server.request(.POST, "/api/watches", body: "{\"name\":\"w\",\"query\":\"x\"}", headers: h).status == 403)
            #expect(try await server.request(.POST, "/api/ingest", body: "{\"id\":\"x\",\"title\":\"t\"}", headers: h).status == 403)
            #expect(try await server.request(.POST, "/api/accounts", body: "{\"name\":\"z\",\"password\":\"long enough\"}", headers: h).status == 403)
        }
    }

    @Test func failedLoginsAreRateLimitedPerAccountAndPerAddress() async throws {
        try await WebServer.with(Self.config) { server in
            let api = try await APIChecks(server)
            _ = try await api.call(.POST, "/api/accounts", body: "{\"name\":\"ed\",\"password\":\"correct horse\"}", token: WebServer.adminToken)
            let limit = LoginLimiter.Policy.defaultFailures
            for _ in 0..<limit {
                let r = try await server.request(.POST, "/login", body: Self.form(["name": "ed", "password": "guess guess"]), headers: Self.formType)
                #expect(r.status == 401)
            }
            // At the limit even the right password waits: 429 with Retry-After within the window.
            let blocked = try await server.request(.POST, "/login", body: Self.form(["name": "ed", "password": "correct horse"]), headers: Self.formType)
            #expect(blocked.status == 429)
            let wait = try #require(blocked.headers.first(name: "Retry-After").flatMap { Int($0) })
            #expect(wait > 0 && wait <= Int(LoginLimiter.Policy.defaultWindow))
            // The same address guessing at another name is held too (per-address count).
            let other = try await server.request(.POST, "/login", body: Self.form(["name": "someone", "password": "x"]), headers: Self.formType)
            #expect(other.status == 429)
            // The failures are counted in the store, per key, with the window's constants.
            #expect(try server.store.loginFailures(key: "account:ed", since: Date().addingTimeInterval(-3600)).count == limit)
        }
    }

    @Test func theLimiterForgetsAfterItsWindowAndOnSuccess() throws {
        let folder = NSTemporaryDirectory() + "updesk-limit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/desk.sqlite")
        let limiter = LoginLimiter(store: store, policy: .init(maxFailures: 2, window: 60))
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        try limiter.failed(account: "ed", address: "10.0.0.1", now: t0)
        #expect(try limiter.retryAfter(account: "ed", address: "10.0.0.2", now: t0) == nil)
        try limiter.failed(account: "ed", address: "10.0.0.1", now: t0.addingTimeInterval(10))
        #expect(try limiter.retryAfter(account: "ed", address: "10.0.0.2", now: t0.addingTimeInterval(20)) == 40)
        #expect(try limiter.retryAfter(account: "al", address: "10.0.0.1", now: t0.addingTimeInterval(20)) == 40)
        #expect(try limiter.retryAfter(account: "ed", address: "10.0.0.2", now: t0.addingTimeInterval(61)) == nil)
        try limiter.succeeded(account: "ed", now: t0.addingTimeInterval(30))
        #expect(try limiter.retryAfter(account: "ed", address: "10.0.0.2", now: t0.addingTimeInterval(30)) == nil)
        #expect(try limiter.retryAfter(account: "al", address: "10.0.0.1", now: t0.addingTimeInterval(30)) != nil)
    }

    @Test func theLoginFormEchoesNamesEscaped() async throws {
        try await WebServer.with(Self.config) { server in
            let payload = "\"><script>alert(1)</script>"
            let r = try await server.request(.POST, "/login", body: Self.form(["name": payload, "password": "whatever1"]), headers: Self.formType)
            #expect(r.status == 401)
            #expect(!r.body.contains("<script>alert(1)</script>") && !r.body.contains("\"><script"))
            #expect(r.body.contains("&lt;script&gt;"))
        }
    }
}
