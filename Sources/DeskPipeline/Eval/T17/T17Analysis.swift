import DeskLanguage
import DeskModel
import DeskTracking
import Foundation

/// Timeline17 articles through the desk's analyze stage: detokenised, one paragraph per stored sentence,
/// published at the start of their day (UTC), so the time tagger resolves "Tuesday" against that day.
public enum T17Analysis {
    public static func article(_ a: T17Article) -> Article {
        Article(id: a.docID, kind: .text, source: a.folder, published: TimeValue.start(of: a.day).map { Sourced($0, from: "record") },
                paragraphs: a.sentences.map(PTBText.detokenize))
    }

    public static func analyze(_ articles: [T17Article]) -> [AnalyzedArticle] {
        let analyzer = LanguageAnalyzer()
        return ParallelMap.map(articles) { analyzer.analyze(article($0)) }
    }
}
