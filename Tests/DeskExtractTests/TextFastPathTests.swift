@testable import DeskExtract
import Testing

/// The byte-level fast paths give the answers of the reference code they replace, on ASCII and non-ASCII input.
@Suite struct TextFastPathTests {
    static let samples = [
        "", " ", "article-body has-share", "Related-Articles NAV", "hidden-xs sidebar", "hide-on-mobile", "post-content",
        "socialShareBar", "adContainer", "newsCaption imgcaption", "ÉDITO Über-Menü", "İstanbul KELVIN \u{212A}",
        "Ελληνικά ΣΟΦΙΑ", "„Zitat“ — ‘quote’ … © 2020", "ａｒｔｉｃｌｅ", "tags meta byline", "comments-section",
        "x", "ABC def GHI", "émoji 👍🏽 text", "a\u{0301}b", "Straße", "ﬁnance",
    ]

    @Test func lowercasedMatchesFoundation() {
        for s in Self.samples { #expect(Text.lowercased(s) == s.lowercased(), "\(s)") }
    }

    @Test func lowercasedPairMatchesConcatenation() {
        for a in Self.samples {
            for b in Self.samples.prefix(6) {
                #expect(Text.lowercasedPair(a, b) == a.lowercased() + " " + b.lowercased(), "\(a) | \(b)")
            }
        }
    }

    @Test func classWordsMatchTokens() {
        for s in Self.samples {
            let lower = s.lowercased()
            let fast = BoilerplateClassifier.classWords(lower)
            let reference = BoilerplateClassifier.classWords(tokens: BoilerplateClassifier.tokens(lower))
            #expect(fast.found == reference.found && fast.saysContent == reference.saysContent
                    && fast.hides == reference.hides && fast.namesBreakpoint == reference.namesBreakpoint, "\(s)")
        }
    }

    @Test func byteWordTableFindsExactlyItsWords() {
        let table = ByteWordTable([("nav", 1), ("navigation", 2), ("ad", 3)])
        func look(_ s: String) -> Int? { var s = s; return s.withUTF8 { table.lookup($0.baseAddress!, $0.count) } }
        #expect(look("nav") == 1 && look("navigation") == 2 && look("ad") == 3)
        #expect(look("na") == nil && look("navs") == nil && look("ads") == nil)
    }

    @Test func keyTableMatchesScalarProperties() {
        // Every scalar the table holds, against the per-scalar computation it caches.
        for range in Text.KeyTable.ranges {
            for v in range {
                var fast: [UInt8] = []
                _ = Text.keyTable.append(v, to: &fast)
                var reference: [UInt8] = []
                Text.appendKeyBytes(of: v, to: &reference)
                #expect(fast == reference, "U+\(String(v, radix: 16))")
            }
        }
        #expect(Text.key("„Zitat“ — Ünïcödé ΣΟΦΙΑ 2020") == "zitatünïcödéσοφια2020")
    }

    @Test func characterCountStopsAtLimit() {
        for s in Self.samples {
            for limit in [0, 1, 3, 20] { #expect(Text.characters(in: s, upTo: limit) == min(s.count, limit), "\(s)") }
        }
    }
}
