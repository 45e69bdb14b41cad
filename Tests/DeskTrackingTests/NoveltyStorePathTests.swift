import DeskLanguage
import DeskModel
import DeskTracking
import Foundation
import Testing

/// The store's judging path (`judge(_:story:)`, which leaves the story memory untouched and keeps the article's
/// own sentences apart) against the incremental one extending a copy of the memory, which it replaced: the same
/// verdict for every sentence of a generated stream of real sentences with restatements, repeats within one
/// article, changed numbers and short sentences.
@Suite("Novelty: the store's path agrees with the incremental judge")
struct NoveltyStorePathTests {
    /// Real sentences (the golden sentence-split set, taken from the texts in ../shared/eval).
    static func pool() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DeskLanguageTests/Golden/sentences.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try lines.flatMap { line -> [String] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["sentences"] as? [String] ?? []
        }
    }

    static func analyzed(_ id: Int, _ sentences: [String]) -> AnalyzedArticle {
        let article = Article(id: "a\(id)", kind: .text, paragraphs: sentences)
        return AnalyzedArticle(article: article, sentences: sentences.enumerated().map {
            Sentence(index: $0.offset, paragraph: 0, text: $0.element, terms: Tokenizer.contentTerms($0.element))
        })
    }

    @Test("same novelty for every sentence; evidence whenever the incremental judge found the story's sentence")
    func agrees() throws {
        let pool = try Self.pool()
        #expect(pool.count > 300)
        var rng = SeededRandom(seed: 5)
        var used: [String] = []
        var fresh = pool.makeIterator()
        var story = StoryMemory()
        var nextID: Int64 = 1
        let judge = NoveltyJudge()
        var compared = 0, restated = 0, withEvidence = 0
        for id in 0..<60 {
            var sentences: [String] = []
            for _ in 0..<(4 + Int(rng.next() % 6)) {
                let roll = rng.next() % 10
                if roll < 3, !used.isEmpty {
                    sentences.append(used[Int(rng.next() % UInt64(used.count))])        // the story said it
                } else if roll == 3, !sentences.isEmpty {
                    sentences.append(sentences[Int(rng.next() % UInt64(sentences.count))])  // said twice here
                } else if roll == 4, !used.isEmpty {
                    sentences.append(used[Int(rng.next() % UInt64(used.count))] + " The toll rose to \(rng.next() % 90 + 10).")
                } else if let s = fresh.next() {
                    sentences.append(s)
                }
            }
            let article = Self.analyzed(id, sentences)
            var copy = story
            let reference = judge.judge(article, memory: &copy, article: -2, seen: .distantPast, withinArticle: true)
            let placed = judge.judge(article, story: story)
            #expect(placed.map(\.novelty) == reference.map(\.novelty), "article \(id)")
            for (p, r) in zip(placed, reference) {
                guard let slot = r.match, r.novelty == .restated, slot < story.count else { continue }
                #expect(p.evidence != nil, "article \(id): \(p.text)")
                withEvidence += 1
            }
            compared += placed.count
            restated += placed.filter { $0.novelty == .restated }.count
            for s in article.sentences {
                story.add(held: HeldSentence(id: nextID, articleID: Int64(id), text: s.text, terms: s.terms))
                nextID += 1
                used.append(s.text)
            }
        }
        // The stream exercises what it is meant to: many restatements, most of them with the story's evidence.
        #expect(compared > 300 && restated > 60 && withEvidence > 40, "compared \(compared), restated \(restated), evidence \(withEvidence)")
    }
}
