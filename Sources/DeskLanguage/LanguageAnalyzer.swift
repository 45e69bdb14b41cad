import DeskModel
import Foundation

/// The analyze stage: sentences, tokens, terms, time expressions and entities of one article.
public struct LanguageAnalyzer: Sendable {
    let splitter = SentenceSplitter()
    let timeTagger = TimeTagger()
    let entityTagger = EntityTagger()

    public init() {}

    public func analyze(_ article: Article) -> AnalyzedArticle {
        var sentences: [Sentence] = []
        let anchor = article.published?.value
        for (p, paragraph) in article.paragraphs.enumerated() {
            for text in splitter.split(paragraph) {
                let times = timeTagger.tag(text, anchor: anchor)
                let entities = entityTagger.tag(text)
                sentences.append(Sentence(index: sentences.count, paragraph: p, text: text, times: times, entities: entities))
            }
        }
        var terms: [String] = []
        if let title = article.title { terms += Tokenizer.contentTerms(title) }
        for s in sentences { terms += Tokenizer.contentTerms(s.text) }
        return AnalyzedArticle(article: article, sentences: sentences, terms: terms)
    }
}
