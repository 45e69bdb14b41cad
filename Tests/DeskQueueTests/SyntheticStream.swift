import DeskExtract
import DeskModel
import Foundation

/// A made-up news stream with well-separated stories (each topic has its own vocabulary, every article uses
/// most of it), and every few articles an exact copy under another id and source, placed right after its
/// original as two wires would send the same breaking story at once. Well separated so that the stories
/// do not depend on the order articles are placed in: any correct concurrent placement must find them.
enum SyntheticStream {
    static let topics: [[String]] = [
        ["volcano", "eruption", "lava", "ash", "Iceland", "Reykjavik", "magma", "crater", "evacuation", "flights", "seismologists", "plume"],
        ["election", "ballots", "voters", "parliament", "candidates", "turnout", "polling", "coalition", "Lisbon", "Portugal", "campaign", "recount"],
        ["striker", "goal", "league", "stadium", "Madrid", "coach", "penalty", "referee", "champions", "transfer", "midfielder", "season"],
        ["shares", "stocks", "investors", "Nasdaq", "earnings", "dividend", "bonds", "inflation", "Treasury", "yields", "rally", "traders"],
        ["hurricane", "landfall", "Florida", "winds", "flooding", "evacuations", "meteorologists", "rainfall", "coastline", "shelters", "surge", "storm"],
        ["vaccine", "trial", "patients", "dose", "regulators", "pharmaceutical", "immunity", "clinical", "antibodies", "approval", "hospitals", "infections"],
    ]
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    /// A fixed "now" after the stream, so placement does not depend on when the test runs.
    static let now = start.addingTimeInterval(2 * 86_400)

    static func documents(perTopic: Int, copyEvery: Int = 5, seed: UInt64 = 9) -> [RawDocument] {
        var random = SeededRandom(seed: seed)
        var docs: [RawDocument] = []
        for i in 0..<perTopic {
            for (t, words) in topics.enumerated() {
                let n = docs.count
                var sentences: [String] = []
                // Sentences of topic words only: topics share no word, articles of one topic share most of theirs.
                for _ in 0..<5 {
                    let w = words.shuffled(using: &random)
                    sentences.append("\(w[0].capitalized) \(w[1]) \(w[2]) \(w[3]) \(w[4]) \(w[5]) \(w[6]).")
                }
                let title = "\(words[0].capitalized) \(words[1]) \(words[2]) \(words[3 + i % 9])"
                let doc = RawDocument(id: "doc-\(n)", origin: "synthetic", kind: .text, text: sentences.joined(separator: "\n\n"),
                                      url: "https://example.org/\(t)/\(i)", source: "wire-\(n % 4)", title: title,
                                      published: start.addingTimeInterval(Double(n) * 600))
                docs.append(doc)
                if n % copyEvery == 0 {
                    var copy = doc
                    copy.id = "copy-\(n)"
                    copy.source = "other-wire"
                    copy.url = "https://example.com/copy/\(n)"
                    docs.append(copy)
                }
            }
        }
        return docs
    }
}
