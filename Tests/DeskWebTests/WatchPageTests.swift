import DeskModel
import Foundation
import Testing
@testable import DeskWeb

/// Watches in the browser: editors make, change and delete them with CSRF-protected forms; readers cannot.
@Suite struct WatchPageTests {
    @Test func editorsMakeChangeAndDeleteWatchesInTheBrowser() async throws {
        try await WebServer.with(AccountTests.config) { server in
            let cookie = try await AccountTests.login(server, "ed", role: "editor")
            let list = try await server.get("/watches", headers: [("Cookie", cookie)])
            #expect(list.status == 200 && list.body.contains("action=\"/watches\""))
            let token = try #require(AccountTests.csrf(in: list.body))
            let h = [("Cookie", cookie)] + AccountTests.formType
            let fields = ["name": "harbour", "query": "harbour AND storm", "entities": "", "sources": "Harbour Times, Coast News"]
            // No token: refused, nothing made.
            #expect(try await server.request(.POST, "/watches", body: AccountTests.form(fields), headers: h).status == 403)
            #expect(try server.store.watches(user: nil).isEmpty)
            var withToken = fields
            withToken["csrf"] = token
            let made = try await server.request(.POST, "/watches", body: AccountTests.form(withToken), headers: h)
            #expect(made.status == 303)
            let watch = try #require(try server.store.watches(user: nil).first)
            #expect(watch.sources == ["Harbour Times", "Coast News"] && watch.query == "harbour AND storm")
            #expect(made.headers.first(name: "Location") == "/watches/\(watch.id)")
            let page = try await server.get("/watches/\(watch.id)", headers: [("Cookie", cookie)])
            #expect(page.status == 200 && page.body.contains("value=\"harbour AND storm\""))
            // A bad query is a 400 with the grammar's message; the watch stays as it was.
            var bad = withToken
            bad["query"] = "harbour AND ("
            #expect(try await server.request(.POST, "/watches/\(watch.id)", body: AccountTests.form(bad), headers: h).status == 400)
            var edit = withToken
            edit["query"] = "harbour NOT rail"
            edit["name"] = "harbour (no rail)"
            #expect(try await server.request(.POST, "/watches/\(watch.id)", body: AccountTests.form(edit), headers: h).status == 303)
            let changed = try #require(try server.store.watch(id: watch.id))
            #expect(changed.query == "harbour NOT rail" && changed.name == "harbour (no rail)" && changed.lastSentenceID == watch.lastSentenceID)
            #expect(try await server.request(.POST, "/watches/\(watch.id)/delete", body: "", headers: h).status == 403)
            #expect(try await server.request(.POST, "/watches/\(watch.id)/delete", body: AccountTests.form(["csrf": token]), headers: h).status == 303)
            #expect(try server.store.watch(id: watch.id) == nil)
        }
    }

    @Test func readersSeeNoFormsAndCannotPost() async throws {
        try await WebServer.with(AccountTests.config) { server in
            let cookie = try await AccountTests.login(server, "rita", role: "reader")
            let list = try await server.get("/watches", headers: [("Cookie", cookie)])
            #expect(list.status == 200 && !list.body.contains("action=\"/watches\""))
            let token = try #require(AccountTests.csrf(in: list.body))
            let r = try await server.request(.POST, "/watches", body: AccountTests.form(["name": "x", "query": "y", "csrf": token]),
                                             headers: [("Cookie", cookie)] + AccountTests.formType)
            #expect(r.status == 403)
            #expect(try await server.get("/watches").body.contains("log in"))
        }
    }

    @Test func watchFieldsAreEscapedOnTheirPages() async throws {
        try await WebServer.with(AccountTests.config) { server in
            let payload = "\"><script>alert(1)</script>"
            let body = "{\"name\":\"\\\"><script>alert(1)</script>\",\"query\":\"\\\"<img src=x onerror=alert(1)>\\\"\",\"sources\":[\"<b>s</b>\"]}"
            let made = try await server.request(.POST, "/api/watches", body: body, token: WebServer.adminToken)
            #expect(made.status == 201, "\(made.body)")
            let cookie = try await AccountTests.login(server, "ed", role: "editor")
            for path in ["/watches", "/watches/\(made.int("id") ?? 0)"] {
                let page = try await server.get(path, headers: [("Cookie", cookie)])
                #expect(page.status == 200)
                #expect(!page.body.contains(payload) && !page.body.contains("<img src=x") && !page.body.contains("<b>s</b>"), "\(path)")
            }
        }
    }

    @Test func theAPIChangesAWatchInPlace() async throws {
        try await WebServer.with { server in
            let api = try await APIChecks(server)
            let made = try await api.call(.POST, "/api/watches", body: "{\"name\":\"a\",\"query\":\"storm\"}", token: WebServer.adminToken)
            let id = try #require(made.int("id"))
            let reader = try await server.makeUser("rita", role: "reader")
            #expect(try await api.call(.PUT, "/api/watches/\(id)", body: "{\"name\":\"b\"}", token: reader).status == 403)
            let changed = try await api.call(.PUT, "/api/watches/\(id)", body: "{\"name\":\"b\",\"query\":\"flood OR storm\"}", token: WebServer.adminToken)
            #expect(changed.status == 200 && changed.object["query"] as? String == "flood OR storm" && changed.int("id") == id)
            #expect(try await api.call(.PUT, "/api/watches/999", body: "{\"name\":\"b\"}", token: WebServer.adminToken).status == 404)
        }
    }
}
