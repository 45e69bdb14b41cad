import DeskPipeline
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DeskWeb

@Suite struct SmallPartsTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func hmacMatchesRFC4231() {
        // Test case 2: key "Jefe".
        #expect(HMACSHA256.hex(key: "Jefe", message: "what do ya want for nothing?")
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a key longer than the block.
        let key = [UInt8](repeating: 0xaa, count: 131)
        #expect(Hex.encode(HMACSHA256.mac(key: key, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// PBKDF2-HMAC-SHA256 test vectors of RFC 7914 §11 (the second with 80,000 rounds), and a password longer
    /// than a block (hashed first), checked against its single-round definition.
    @Test func pbkdf2MatchesRFC7914() {
        #expect(Hex.encode(PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), rounds: 1, keyBytes: 64))
            == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
        #expect(Hex.encode(PBKDF2.sha256(password: Array("Password".utf8), salt: Array("NaCl".utf8), rounds: 80_000, keyBytes: 64))
            == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
        let long = [UInt8](repeating: 0x61, count: 100), salt = Array("NaCl".utf8)
        let u1 = HMACSHA256.mac(key: long, message: salt + [0, 0, 0, 1])
        let u2 = HMACSHA256.mac(key: long, message: u1)
        #expect(PBKDF2.sha256(password: long, salt: salt, rounds: 2, keyBytes: 32) == zip(u1, u2).map { $0 ^ $1 })
        #expect(!PasswordHasher.verify("anything at all", against: PasswordHasher(rounds: 10).unmatchable()))
    }

    @Test func watchQueriesReadAndOrNotAndPhrases() throws {
        let q = try WatchQuery.parse("fed AND (taper OR rates) NOT weather")
        #expect(q.matches("The Fed will slow the taper"))
        #expect(q.matches("Fed holds rates"))
        #expect(!q.matches("Fed blames weather for the taper"))
        #expect(!q.matches("Rates rise"))
        #expect(try WatchQuery.parse("\"harbour wall\"").matches("The harbour wall broke"))
        #expect(try !WatchQuery.parse("\"harbour wall\"").matches("The wall of the harbour"))
        #expect(try WatchQuery.parse("storm flood").matches("Storm causes flood"), "a space is AND")
        #expect(try WatchQuery.parse("").matches("anything"))
        #expect(throws: WatchQuery.ParseError.self) { try WatchQuery.parse("(fed") }
        #expect(throws: WatchQuery.ParseError.self) { try WatchQuery.parse("fed OR") }
        #expect(throws: WatchQuery.ParseError.self) { try WatchQuery.parse("fed )") }
    }

    @Test func activityPlotIsWellFormedAndEscapesItsTitle() {
        let svg = ActivityPlot.svg([.init(day: "2024-05-01", articles: 3, updates: 5), .init(day: "2024-05-02", articles: 1, updates: 0)],
                                   title: "A <b>story</b> & co")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(!svg.contains("<b>"))
        #expect(svg.components(separatedBy: "class=\"articles\"").count == 3)
        #expect(XMLParser(data: Data(ActivityPlot.svg([], title: "empty").utf8)).parse())
    }
}
