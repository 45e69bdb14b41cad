import DeskModel
import Foundation

/// The analyze stage: sentences, tokens, terms, time expressions and entities of one article.
public struct LanguageAnalyzer: Sendable {
    let splitter = SentenceSplitter()
    let timeTagger = TimeTagger()
    let entityTagger = EntityTagger()

    public init() {}

    public func analyze(_ article: Article) -> AnalyzedArticle {
        var texts: [(paragraph: Int, text: String)] = []
        for (p, paragraph) in article.paragraphs.enumerated() {
            for text in splitter.split(paragraph) { texts.append((p, text)) }
        }
        // Time expressions are tagged over the whole document so "the following month" can use the
        // date mentioned before it.
        let times = timeTagger.tagDocument(sentences: texts.map(\.text), anchor: article.published?.value)
        // Entities too: a name tagged in ordinary text keeps its type where it stands in capitals.
        let entities = entityTagger.tagDocument(texts.map(\.text))
        var sentences: [Sentence] = []
        sentences.reserveCapacity(texts.count)
        for (k, t) in texts.enumerated() {
            sentences.append(Sentence(index: k, paragraph: t.paragraph, text: t.text, times: times[k],
                                      entities: entities[k], terms: Tokenizer.contentTerms(t.text)))
        }
        EntityLinker.link(&sentences)
        let quotes = QuoteFinder.find(sentences.map { ($0.text, $0.entities) })
        for k in sentences.indices {
            if !quotes[k].isEmpty { sentences[k].quotes = quotes[k] }
            let numbers = NumberFinder.find(sentences[k].text, times: sentences[k].times)
            if !numbers.isEmpty { sentences[k].numbers = numbers }
        }
        return AnalyzedArticle(article: article, sentences: sentences,
                               titleTerms: article.title.map(Tokenizer.contentTerms) ?? [])
    }
}
