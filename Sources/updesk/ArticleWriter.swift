import ArgumentParser
import DeskModel
import DeskPipeline
import Foundation

enum ArticleFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, markdown, text
}

/// Writes articles to standard output in the chosen format.
final class ArticleWriter {
    let format: ArticleFormat
    private(set) var written = 0

    init(format: ArticleFormat) { self.format = format }

    func write(_ article: Article) {
        written += 1
        switch format {
        case .jsonl: print(ArticleJSON.line(article))
        case .json: print(ArticleJSON.line(article))
        case .markdown: print(ArticleRendering.markdown(article))
        case .text: print(ArticleRendering.text(article))
        }
    }

    func writeArray(_ articles: [Article]) {
        print(ArticleJSON.array(articles))
    }
}

enum Diagnostics {
    static func report(_ error: any Error) {
        let message = (error as? any PresentableError)?.message ?? "\(error)"
        FileHandle.standardError.write(Data("updesk: \(message)\n".utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("updesk: warning: \(message)\n".utf8))
    }
}
