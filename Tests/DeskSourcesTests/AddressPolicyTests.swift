import DeskSources
import Foundation
import Testing

@Suite("Address policy: no loopback, link-local or private addresses unless allowed")
struct AddressPolicyTests {
    @Test("classification", arguments: [
        ("127.0.0.1", true), ("10.1.2.3", true), ("172.20.0.1", true), ("192.168.1.1", true), ("169.254.169.254", true),
        ("100.64.0.1", true), ("0.0.0.0", true), ("::1", true), ("fe80::1", true), ("fd00::1", true), ("::ffff:127.0.0.1", true),
        ("::ffff:10.0.0.1", true), ("93.184.216.34", false), ("8.8.8.8", false), ("2001:4860:4860::8888", false), ("172.32.0.1", false),
    ])
    func classification(_ text: String, _ isPrivate: Bool) throws {
        let address = try #require(IPAddress(text))
        #expect((address.nonPublicReason != nil) == isPrivate)
    }

    @Test("loopback is refused by default, by literal and by name (after DNS), before any connection")
    func refusedByDefault() async throws {
        try await FixtureServer.with { server in
            let strict = HTTPFetcher(policy: AddressPolicy())
            for url in [server.url("/feeds/atom.xml"), URL(string: "http://localhost:\(server.port)/feeds/atom.xml")!] {
                let error = await #expect(throws: FetchError.self) { try await strict.get(url) }
                #expect(error?.reason == .forbiddenAddress)
            }
            #expect(await server.state.count("/feeds/atom.xml") == 0)
        }
    }

    @Test("each redirect hop is checked: a redirect to a private address is refused")
    func redirectToPrivate() async throws {
        try await FixtureServer.with { server in
            // Only this server's own address is exempt; 10.255.255.1 (the redirect target) is not.
            let policy = AddressPolicy(allowPrivate: false, exemptions: [IPAddress("127.0.0.1")!])
            let error = await #expect(throws: FetchError.self) { try await HTTPFetcher(policy: policy).get(server.url("/redirect-private")) }
            #expect(error?.reason == .forbiddenAddress)
            #expect(error?.message.contains("10.255.255.1") == true)
        }
    }

    @Test("only http and https")
    func schemes() async {
        let error = await #expect(throws: FetchError.self) { try await HTTPFetcher().get(URL(string: "file:///etc/passwd")!) }
        #expect(error?.reason == .badURL)
    }

    @Test("the operator's environment switch")
    func environment() {
        #expect(AddressPolicy.fromEnvironment(flag: true, environment: [:]).allowPrivate)
        #expect(AddressPolicy.fromEnvironment(flag: false, environment: ["UPDESK_ALLOW_PRIVATE_ADDRESSES": "1"]).allowPrivate)
        #expect(AddressPolicy.fromEnvironment(flag: false, environment: ["UPDESK_ALLOW_PRIVATE_ADDRESSES": "TRUE"]).allowPrivate)
        #expect(!AddressPolicy.fromEnvironment(flag: false, environment: ["UPDESK_ALLOW_PRIVATE_ADDRESSES": "0"]).allowPrivate)
        #expect(!AddressPolicy.fromEnvironment(flag: false, environment: [:]).allowPrivate)
    }
}
