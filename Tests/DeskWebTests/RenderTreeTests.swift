import Foundation
import Mustache
import Testing
@testable import DeskWeb

/// Rendering a view through its `RenderTree` gives the same text as rendering the view itself (Mustache's
/// reflection), for the shapes the desk's views use: optionals, nested and optional structs, arrays of
/// structs, empty arrays, booleans, numbers, dates, enums, and names found in an enclosing object.
@Suite struct RenderTreeTests {
    enum Tone: String, Codable { case calm, urgent = "URGENT!" }
    struct Item: Codable { var name: String; var note: String?; var count: Int; var flag: Bool }
    struct Inner: Codable { var label: String; var items: [Item] }
    struct View: Codable {
        var title: String
        var subtitle: String?
        var missing: String?
        var inner: Inner?
        var noInner: Inner?
        var items: [Item]
        var none: [Item]
        var when: Date
        var tone: Tone
        var score: Double
        var csrf: String
    }

    static let template = """
    <h1>{{title}}</h1>{{#subtitle}}<h2>{{subtitle}}</h2>{{/subtitle}}{{^missing}}[no missing]{{/missing}}
    {{#inner}}<p>{{label}} {{title}}</p>{{#items}}<i>{{name}}:{{count}}{{#flag}}!{{/flag}}{{#note}}({{note}}){{/note}} in {{label}}</i>{{/items}}{{/inner}}
    {{^noInner}}no inner{{/noInner}}{{#noInner}}{{label}}{{/noInner}}
    <ul>{{#items}}<li>{{name}} {{title}} {{^note}}-{{/note}}{{note}} {{csrf}}</li>{{/items}}</ul>{{^none}}empty{{/none}}
    {{when}} {{tone}} {{score}} {{#first(items)}}[{{name}}]{{/first(items)}}{{#first(none)}}x{{/first(none)}}
    """

    @Test func treeRendersLikeTheViewItself() throws {
        let items = [Item(name: "a", note: nil, count: 1, flag: true), Item(name: "b<&>", note: "n", count: 2, flag: false)]
        let view = View(title: "T", subtitle: "S", missing: nil, inner: Inner(label: "L", items: items), noInner: nil,
                        items: items, none: [], when: Date(timeIntervalSince1970: 1_700_000_000), tone: .urgent, score: 0.25,
                        csrf: "tok")
        let library = MustacheLibrary(templates: ["t": try MustacheTemplate(string: Self.template)])
        let direct = try #require(library.render(view, withTemplate: "t"))
        let encoded = try #require(library.render(RenderTree.make(view) as Any, withTemplate: "t"))
        let reflected = try #require(library.render(RenderTree.reflect(view, .record) as Any, withTemplate: "t"))
        #expect(encoded == direct)
        #expect(reflected == direct)
        #expect(direct.contains("<i>a:1! in L</i>") && direct.contains("no inner") && direct.contains("empty") && direct.contains("[a]"))
    }

    /// The desk's escaper gives Mustache's own HTML escaping, character for character.
    @Test func fastEscapingMatchesMustache() throws {
        _ = FastHTMLContentType.registered
        let library = MustacheLibrary(templates: [
            "plain": try MustacheTemplate(string: "{{#items}}[{{.}}]{{/items}}"),
            "fast": try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML_FAST}}\n{{#items}}[{{.}}]{{/items}}"),
        ])
        var items = ["", "plain", "<b>&amp;\"'</b>", "é<ü>ß 日本語 'q' \"", "a&b", "tail<", ">head", "🏳️‍🌈&🇫🇷"]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab<>&\"' é日🇫🇷\n")
        for _ in 0..<200 { items.append(String((0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })) }
        let plain = try #require(library.render(["items": items], withTemplate: "plain"))
        let fast = try #require(library.render(["items": items], withTemplate: "fast"))
        #expect(fast == plain)
    }
}
