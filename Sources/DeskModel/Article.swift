import Foundation

/// What came in, before any stage touched it.
public enum InputKind: String, Codable, Sendable {
    case html
    case text
}

/// A field value together with where in the input it was found ("meta[property=article:published_time]",
/// "json-ld", "byline line", "record", ...). Every extracted date carries one.
public struct Sourced<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var value: Value
    public var from: String
    public init(_ value: Value, from: String) {
        self.value = value
        self.from = from
    }
}

/// A photo caption with its credit ("Photo by Aritra Deb/Shutterstock.").
public struct Caption: Codable, Sendable, Hashable {
    public var text: String
    public var credit: String?
    public init(text: String, credit: String? = nil) {
        self.text = text
        self.credit = credit
    }
}

/// Why a piece of the input is not in the body.
public enum RemovalReason: String, Codable, Sendable, CaseIterable {
    case navigation        // menus, crumbs, section labels
    case paywall           // "You have read 3 articles this month"
    case registration      // "Register to receive full access"
    case donation          // appeals for support
    case newsletter        // sign-up prompts
    case share             // share bars, social buttons
    case related           // related links, teasers of other articles
    case comments          // comment sections and prompts
    case caption           // captions (kept under `captions`, not in the body)
    case duplicate         // a block printed twice
    case metadata          // headline, standfirst, byline, dates: kept in their own fields
    case advertising       // ads, sponsored content
    case legal             // cookie notices, copyright, terms
    case trailing          // everything after the end of the body
    case leading           // everything before the start of the body
    case boilerplate       // any other chrome
}

/// One piece of the input that was dropped, and why.
public struct Removal: Codable, Sendable, Hashable {
    public var text: String
    public var reason: RemovalReason
    public init(text: String, reason: RemovalReason) {
        self.text = text
        self.reason = reason
    }
}

/// What kind of block a body paragraph is, where the page said (HTML headings, list items, quotes).
public enum BlockKind: String, Codable, Sendable, Hashable {
    case paragraph
    case subhead
    case listItem = "list-item"
    case orderedItem = "ordered-item"
    case quote
    case preformatted
}

/// A clean article: the output of the extract stage, input of everything after it.
public struct Article: Codable, Sendable, Hashable {
    public var id: String
    public var kind: InputKind
    public var url: String?
    public var canonicalURL: String?
    public var source: String?
    public var title: String?
    public var standfirst: String?
    public var byline: String?
    public var published: Sourced<Date>?
    public var modified: Sourced<Date>?
    public var language: String?
    public var tags: [String]
    public var paragraphs: [String]
    /// The kind of each paragraph, parallel to `paragraphs`; nil when every one is a plain paragraph.
    public var blockKinds: [BlockKind]?
    public var captions: [Caption]
    public var removed: [Removal]

    public init(id: String, kind: InputKind, url: String? = nil, canonicalURL: String? = nil, source: String? = nil,
                title: String? = nil, standfirst: String? = nil, byline: String? = nil,
                published: Sourced<Date>? = nil, modified: Sourced<Date>? = nil, language: String? = nil,
                tags: [String] = [], paragraphs: [String] = [], captions: [Caption] = [], removed: [Removal] = []) {
        self.id = id
        self.kind = kind
        self.url = url
        self.canonicalURL = canonicalURL
        self.source = source
        self.title = title
        self.standfirst = standfirst
        self.byline = byline
        self.published = published
        self.modified = modified
        self.language = language
        self.tags = tags
        self.paragraphs = paragraphs
        self.captions = captions
        self.removed = removed
    }

    /// The body as the issue specifies it: paragraphs separated by one blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }

    /// Each paragraph with its kind.
    public var blocks: [(text: String, kind: BlockKind)] {
        paragraphs.enumerated().map { i, text in
            (text, blockKinds.flatMap { i < $0.count ? $0[i] : nil } ?? .paragraph)
        }
    }
}
