@testable import DeskPipeline
import DeskModel
import Foundation
import Testing

@Suite("Timeline17 article lines")
struct T17TrimTests {
    @Test("lines are trimmed exactly as trimmingCharacters(in: .whitespaces) trims them")
    func sameAsFoundation() {
        var rng = SeededRandom(seed: 3)
        let pieces = [" ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\u{200B}", "\r", "\u{85}", "\u{2028}", "\u{FEFF}",
                      "a", "é", "e\u{301}", "\u{301}", "日", "🙂", "-", "."]
        for _ in 0..<3_000 {
            let line = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let sub = Substring(line)
            #expect(T17Article.trimmed(sub) == sub.trimmingCharacters(in: .whitespaces), "\(line.unicodeScalars.map { $0.value })")
        }
    }

    @Test("texts are cut into lines exactly as split(separator: \"\\n\") cuts them")
    func linesAsCharacters() {
        var rng = SeededRandom(seed: 4)
        let pieces = ["\n", "\r\n", "\r", "\n\n", "a", " ", "é", "e\u{301}", "\u{301}", "🙂", "\u{85}", "\u{2028}"]
        for _ in 0..<3_000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(T17Article.lines(text) == text.split(separator: "\n"), "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
