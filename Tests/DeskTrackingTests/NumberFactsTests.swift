import Foundation
import Testing
@testable import DeskTracking

/// `NumberFacts.numbers` walks scalars for speed; it must find what the reading by `Character` found.
@Suite struct NumberFactsTests {
    /// The earlier implementation, by `Character`, kept as the reference.
    static func reference(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var digits = ""
        var word = ""
        func flushDigits() {
            while let last = digits.last, last == "." || last == "," { digits.removeLast() }
            if !digits.isEmpty { out.insert(digits.replacingOccurrences(of: ",", with: "")) }
            digits = ""
        }
        func flushWord() {
            if !word.isEmpty, let n = NumberFacts.words[word.lowercased()] { out.insert(n) }
            word = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
            } else if (ch == "." || ch == ","), !digits.isEmpty {
                digits.append(ch)
            } else {
                flushDigits()
                if ch.isLetter { word.append(ch) } else { flushWord() }
                continue
            }
            flushWord()
        }
        flushDigits()
        flushWord()
        return out
    }

    static let samples = [
        "Some 5,000 barrels, up 2.5%, and eleven missing.", "The death toll rose to 11 on Monday, from seven.",
        "Twenty-one people, 3.5 million dollars, 1,200,000.", "Ends with a number 42", "ends with a word Twelve",
        "Dozens were hurt; a dozen fled.", "Trois personnes, vingt-deux blessés, 12 morts.", "Ünïcödé one’s two—three",
        "Zahl: 1.234,56 Euro; Seite 7.", "日本で 3 人が死亡 two", "one1two2three3", "..,5,,.", "ONE TWO THREE",
        "tenfold and tens", "Version 2.0. Then 3,", "عشرة 10 ten", "x\u{301}one seven\u{301}", "",
    ]

    @Test func scalarsFindWhatCharactersFound() throws {
        for s in Self.samples {
            #expect(NumberFacts.numbers(s) == Self.reference(s), "\(s)")
        }
        // Real news text: every sentence of the seed article and the timex texts when present.
        var texts: [String] = []
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared")
        if let seed = try? String(contentsOf: shared.appendingPathComponent("fixtures/seed-article.txt"), encoding: .utf8) {
            texts.append(seed)
        }
        let folder = shared.appendingPathComponent("eval/timex/text")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().prefix(60)
        where name.hasSuffix(".txt") {
            if let t = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { texts.append(t) }
        }
        for text in texts {
            for line in text.split(separator: "\n") {
                #expect(NumberFacts.numbers(String(line)) == Self.reference(String(line)), "\(line)")
            }
        }
    }
}
