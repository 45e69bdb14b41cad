import Foundation
import Testing
@testable import DeskExtract

/// Our parser (`HTMLParser`) against libgumbo (`GumboTree`) on the evaluation pages and on malformed snippets.
///
/// What is compared (a normalised view, the part of the tree the extractor reads):
/// - the text content of <body> and of <title>, whitespace collapsed;
/// - the sequence of text blocks `BlockCollector` cuts the body into (block structure and text together);
/// - the multiset of (tag, text) pairs of p, h1–h6, li, td, th, figcaption, blockquote and pre elements;
/// - the multiset of (tag, attributes) of <meta> and <link> elements (metadata).
/// Tolerated differences (not compared):
/// - the inside of elements the extractor never reads (`HTMLTags.nonContent`: script, style, noscript, template,
///   svg, math, select…): gumbo parses <noscript> as markup (scripting disabled), we as raw text (scripting
///   enabled), so the elements inside differ;
/// - tree shape beyond the views above: implied <tbody>, whitespace-only text nodes (we drop those straight
///   inside table structure, lists, <select>, <html> and <head>, right before a block element and as the first
///   child of a block element: every walk puts a break before a block anyway), where exactly foster-parented
///   table content lands relative to other whitespace, elements nested deeper than the depth cap;
/// - named character references outside our table (`NamedEntities`) stay literal; gumbo knows all 2,231.
@Suite("HTMLParser vs gumbo")
struct HTMLParserDifferentialTests {
    static let pagesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/eval/extraction/html").standardizedFileURL

    static func pages() -> [(String, String)] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: pagesFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".html.gz") }.sorted().compactMap { name in
            guard let raw = FileManager.default.contents(atPath: pagesFolder.appendingPathComponent(name).path),
                  let data = try? Gzip.decompress(raw, limit: 64 << 20) else { return nil }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }

    struct View: Equatable {
        var bodyText = ""
        var title = ""
        var blocks: [String] = []
        var elements: [String: Int] = [:]
        var metadata: [String: Int] = [:]
    }

    static let comparedTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption",
                                           "blockquote", "pre"]

    static func view(_ root: Node) -> View {
        var v = View()
        let body = root.firstElement("body") ?? root
        v.bodyText = body.textContent()
        v.title = root.firstElement("title").map { Text.collapse($0.children.map(\.text).joined()) } ?? ""
        v.blocks = BlockCollector().blocks([body]).map(\.text)
        // Elements outside the subtrees the extractor never reads (see the tolerated differences above); <head>,
        // <title>, <meta> and <link> stay, as metadata comes from them.
        let unread = HTMLTags.nonContent.subtracting(["head", "title", "meta", "link"])
        for n in root.descendants(skip: { $0.isElement && unread.contains($0.tag) }) where n.isElement {
            if comparedTags.contains(n.tag) { v.elements["\(n.tag): \(n.textContent())", default: 0] += 1 }
            if n.tag == "meta" || n.tag == "link" {
                let attrs = n.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                v.metadata["\(n.tag) \(attrs)", default: 0] += 1
            }
        }
        return v
    }

    /// A short description of where two views differ, or nil when they agree.
    static func difference(_ a: View, _ b: View) -> String? {
        if a.title != b.title { return "title: \(a.title.prefix(80)) | \(b.title.prefix(80))" }
        if a.bodyText != b.bodyText {
            let x = Array(a.bodyText), y = Array(b.bodyText)
            var i = 0
            while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
            return "body text at \(i): …\(String(x[max(0, i - 40)..<min(x.count, i + 60)]))… vs …\(String(y[max(0, i - 40)..<min(y.count, i + 60)]))…"
        }
        if a.blocks != b.blocks {
            let i = zip(a.blocks, b.blocks).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.blocks.count, b.blocks.count)
            return "block \(i): \(a.blocks.dropFirst(i).first?.prefix(100) ?? "-") | \(b.blocks.dropFirst(i).first?.prefix(100) ?? "-")"
        }
        if a.elements != b.elements {
            let onlyA = a.elements.filter { b.elements[$0.key] != $0.value }.keys.sorted().prefix(3)
            let onlyB = b.elements.filter { a.elements[$0.key] != $0.value }.keys.sorted().prefix(3)
            return "elements: ours \(onlyA.map { $0.prefix(80) }) gumbo \(onlyB.map { $0.prefix(80) })"
        }
        if a.metadata != b.metadata {
            let onlyA = a.metadata.filter { b.metadata[$0.key] != $0.value }.keys.sorted().prefix(3)
            let onlyB = b.metadata.filter { a.metadata[$0.key] != $0.value }.keys.sorted().prefix(3)
            return "metadata: ours \(Array(onlyA)) gumbo \(Array(onlyB))"
        }
        return nil
    }

    /// Gumbo is handed a C string, which ends at the first NUL: it sees the input without NULs (in text the
    /// tree builder drops them anyway; in attribute names we keep U+FFFD, which no compared view reads).
    static func compare(_ html: String) -> String? {
        if let d = orderProblem(HTMLParser.parse(html)) { return d }
        return difference(view(HTMLParser.parse(html)), view(GumboTree.parse(html.replacingOccurrences(of: "\u{0}", with: ""))))
    }

    /// `order` must be pre-order (the builder numbers nodes as it creates them and renumbers only after moves).
    static func orderProblem(_ root: Node) -> String? {
        let nodes = root.descendants()
        let given = nodes.map(\.order)
        root.numberPreOrder(from: 0)
        return given == nodes.map(\.order) ? nil : "order is not pre-order"
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: pagesFolder.path), "needs ../shared/eval/extraction"))
    func agreesWithGumboOnRealPages() {
        let pages = Self.pages()
        #expect(pages.count >= 90)
        for (name, html) in pages {
            if let d = Self.compare(html) { Issue.record("\(name): \(d)") }
        }
    }

    static let snippets: [String] = [
        "<p>one<p>two<div>three</div>four",
        "<ul><li>one<li>two<ul><li>inner</ul><li>three</ul>",
        "<dl><dt>term<dd>definition<dt>term two<dd>more</dl>",
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<table><tr><th>h<td>cell<p>para in cell</table>after",
        "<p><b>bold <i>both</b> italic</i> plain</p>",
        "<b>one<p>two</b>three</p>four",
        "<a href=x>link <div>block in link</div> tail</a> after",
        "<p>1<b>2<i>3<s>4</b>5</i>6</s>7</p>",
        "<div>text</span></p></li></div>more</em>",
        "</p>stray end tags</div></td><p>para",
        "<p>before<!-- unterminated comment <p>hidden",
        "<p>before<!--> empty <!---> comments <!-- a -- b --> after",
        "<script>var a = '<p>not a tag</p>';</script><p>after script</p>",
        "<p>text<script>never closed <p>x",
        "<style>p { color: red }</style><p>styled</p>",
        "<textarea>\n<b>not bold</b></textarea><p>x",
        "<title>A &amp; B &lt;tag&gt;</title><p>body",
        "<p>AT&T &copy 2024 &amp caf&eacute &notit; &#8212; &#x2014; &#150; &#0; &#xD800; &bogus; & alone &#</p>",
        "<p title=unquoted class=a class=b data-x='single' data-y=\"double\" checked>attrs</p><a href=?a=1&b=2&copy=3>q</a>",
        "<p>nul\u{0}byte</p><p a\u{0}b=1>x</p>",
        "<table>text in table<tr><td>cell</td></tr>more text</table>",
        "<table><tr><td>a</td></tr><div>div in table</div></table>",
        "<h1>one<h2>two</h1>three",
        "<pre>\nfirst line\nsecond</pre>",
        "<select><option>a<option>b</select><p>after",
        "<p>x<svg><circle/><text>svg text</text><p>breaks out</svg>",
        "<math><mi>x</mi></math><p>after math",
        "<template><p>in template</p></template><p>out",
        "<html lang=en><head><meta charset=utf-8><title>T</title></head><body class=b><p>x</p></body></html>",
        "<meta name=a content=b><p>body starts</p><link rel=canonical href=/x>",
        "<body><p>one</body><p>after body</html><p>after html",
        "<p>unclosed <b>bold <i>italic at EOF",
        "<ul><li>a<p>para in li<li>b</ul>",
        "<p>a<br>b</br>c</p>",
        "<div><p>one</div><p>two",
        "<font color=red><p>font across paragraphs</p><p>second</p></font>",
        "<nobr>a<nobr>b</nobr>",
        "<p><a href=1>one<a href=2>two</a></p>",
        "<button><button>nested</button>",
        "<!DOCTYPE html><p>a<table><tr><td>t</table>",
        "<p>a<table><tr><td>quirks</table>",
        "< p>not a tag</p> a < b > c <3 </ x>",
        "<p>x</p><?php echo 1 ?><!doctype junk><p>y",
        "<figure><img src=a.jpg><figcaption>caption</figcaption></figure>",
        "<p>x<frameset><frame></frameset>y",
        "<P CLASS=Up>UPPER</P><DIV>case</DIV>",
    ]

    @Test func agreesWithGumboOnMalformedSnippets() {
        for s in Self.snippets {
            if let d = Self.compare(s) { Issue.record("\(s.debugDescription): \(d)") }
        }
    }

    /// Tolerated: <noscript> is raw text for us (scripting enabled, as browsers parse pages); gumbo parses its
    /// content as markup, and in <head> the first tag inside even ends the head and starts the body.
    @Test func noscriptIsRawText() {
        let root = HTMLParser.parse("<noscript><p>no script</p></noscript><p>after")
        #expect(root.firstElement("body")?.textContent() == "after")
        #expect(root.firstElement("noscript")?.children.map(\.text) == ["<p>no script</p>"])
        #expect(root.firstElement("noscript")?.parent?.tag == "head")
    }

    @Test func deepNestingIsFastAndBounded() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
            + String(repeating: "<b><i>", count: depth) + "x" + String(repeating: "</p>", count: depth)
        let (root, seconds) = threadCPUSeconds { HTMLParser.parse(html) }
        #expect(seconds < 10)  // CPU seconds, debug build; release takes milliseconds
        var maxDepth = 0
        var stack: [(Node, Int)] = [(root, 0)]
        while let (n, d) = stack.popLast() {
            maxDepth = max(maxDepth, d)
            for c in n.children { stack.append((c, d + 1)) }
        }
        #expect(maxDepth <= HTMLTreeBuilder.maxDepth)
        #expect(root.textContent().hasPrefix("deep"))
    }

    /// Inputs built to make a naive tree builder quadratic: every one must stay linear (a debug build parses each
    /// 100,000-repeat case in well under the limit; quadratic behaviour would take minutes).
    @Test(arguments: [
        "<a href=x>", "<b id=%d>", "<table>", "<td>", "<li>", "<p><b><i><u>", "<div></p>", "<svg>", "<select>",
        "<font color=red><p>", "<nobr>", "<table><tr><td><b>", "<span><div>", "<dd><dt>", "<!-- x",
        "<p a%d=1 ", "&amp;&#x41;&bogus", "<b><span><div></b>",
    ])
    func pathologicalRepetitionIsLinear(_ unit: String) {
        let count = 100_000
        var html = ""
        html.reserveCapacity(unit.utf8.count * count + 16)
        for i in 0..<count { html += unit.replacingOccurrences(of: "%d", with: String(i)) + "x" }
        let (root, seconds) = threadCPUSeconds { HTMLParser.parse(html) }
        #expect(seconds < 20, "\(unit): \(seconds) s of CPU")
        #expect(!root.children.isEmpty)
    }
}
