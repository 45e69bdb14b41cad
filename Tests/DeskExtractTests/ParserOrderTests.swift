@testable import DeskExtract
import Testing

/// `Node.order` is document (pre-order) order whichever way the tree builder reached the tree: numbered at
/// creation when every insertion extends the rightmost path, renumbered when foster parenting or the adoption
/// agency moved nodes.
@Suite struct ParserOrderTests {
    static let pages = [
        "<p>one <a href=x>link</a> two</p><p>three <b>bold</b> four</p>",
        "<div><a>a</a><a>b</a><em>c<i>d</i></em></div>",
        "<b>one<p>two</b>three</p>",
        "<a href=1>x<div>y</a>z</div>",
        "<table><tr><td>cell</td></tr>text in table<tr><td>c2</td></tr></table><p>after</p>",
        "<p><b><i>x</b></i>y</p><ul><li>a<li>b</ul>",
        "<i>1<b>2<p>3</i>4</b>5</p>",
    ]

    @Test func ordersFollowPreOrder() {
        for html in Self.pages {
            let orders = HTMLParser.parse(html).descendants().map(\.order)
            #expect(zip(orders, orders.dropFirst()).allSatisfy { $0 < $1 }, "\(html): \(orders)")
        }
    }
}
