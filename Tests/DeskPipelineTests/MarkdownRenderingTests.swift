import DeskExtract
import DeskModel
import DeskPipeline
import Testing

@Suite("Markdown rendering")
struct MarkdownRenderingTests {
    static let page = """
        <!doctype html><html lang="en"><head><title>Harbour plan approved - The Gazette</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Harbour plan approved</h1>
        <p>The city council approved the harbour plan on Tuesday after a long debate, with nine votes in favour and two against, officials said.</p>
        <h2>What changes</h2>
        <p>The plan moves the ferry terminal, widens the quay, and adds a cycle path along the water, according to the documents published by the council.</p>
        <ul><li>A new ferry terminal by 2026, paid for by the port authority</li><li>A wider quay for cruise ships and cargo vessels</li></ul>
        <ol><li>Consultation closes in March, the council said on its website</li><li>Building starts in the summer if no appeal is lodged</li></ol>
        <blockquote><p>This is the biggest change to the waterfront in fifty years, and the city is ready for it.</p></blockquote>
        <p>Opponents said they would consider an appeal, citing the cost and the loss of the old fish market, which dates from 1890.</p>
        </article><footer>© The Gazette</footer></body></html>
        """

    @Test("subheads, list items and quotes kept in the body show as Markdown")
    func blocks() throws {
        let article = Extractor().extract(RawDocument(id: "harbour", origin: "test", kind: .html, text: Self.page))
        let markdown = ArticleRendering.markdown(article)
        #expect(markdown.contains("\n## What changes\n"))
        #expect(markdown.contains("\n- A new ferry terminal by 2026, paid for by the port authority\n"))
        #expect(markdown.contains("\n1. Consultation closes in March, the council said on its website\n"))
        #expect(markdown.contains("\n2. Building starts in the summer if no appeal is lodged\n"))
        #expect(markdown.contains("\n> This is the biggest change to the waterfront in fifty years, and the city is ready for it.\n"))
        #expect(article.blockKinds?.count == article.paragraphs.count)
        // The plain body stays plain: kinds never leak into the text the desk analyses.
        #expect(!article.body.contains("## "))
    }
}
