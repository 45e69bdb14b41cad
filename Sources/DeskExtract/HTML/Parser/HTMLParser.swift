/// Our HTML5 parser: `HTMLTokenizer` over the UTF-8 bytes, `HTMLTreeBuilder` straight into `Node`s.
/// Iterative and linear in the input; nesting beyond `HTMLTreeBuilder.maxDepth` is flattened.
enum HTMLParser {
    static func parse(_ html: String) -> Node {
        // An empty string may have no buffer; a lone space parses to the same empty document.
        let text = html.isEmpty ? " " : html
        // The tokenizer reads the bytes and cuts its strings out of `text` (see `HTMLTokenizer.string`): the same
        // characters at the same offsets, whatever `withUTF8` does to `source`.
        var source = text
        return source.withUTF8 { bytes in
            HTMLTreeBuilder(tokenizer: HTMLTokenizer(bytes, source: text)).run()
        }
    }
}
