import DeskTracking

/// A watch's keywords: words and "quoted phrases" joined by AND (or a space), OR and NOT, with parentheses.
/// `fed AND (taper OR rates) NOT weather`. Matching is on lowercased words; a phrase matches words in a row.
public indirect enum WatchQuery: Sendable, Hashable {
    case phrase([String])
    case and(WatchQuery, WatchQuery)
    case or(WatchQuery, WatchQuery)
    case not(WatchQuery)
    case all

    public struct ParseError: Error, Sendable { public var message: String }

    public static func parse(_ text: String) throws -> WatchQuery {
        var parser = Parser(tokens: tokenize(text))
        if parser.tokens.isEmpty { return .all }
        let q = try parser.expression()
        if parser.position < parser.tokens.count { throw ParseError(message: "unexpected \"\(parser.tokens[parser.position])\" in the query") }
        return q
    }

    public func matches(_ text: String) -> Bool { matches(words: Self.words(text)) }

    func matches(words: [String]) -> Bool {
        switch self {
        case .all: return true
        case .phrase(let p):
            guard !p.isEmpty, p.count <= words.count else { return false }
            return (0...(words.count - p.count)).contains { i in Array(words[i..<(i + p.count)]) == p }
        case .and(let a, let b): return a.matches(words: words) && b.matches(words: words)
        case .or(let a, let b): return a.matches(words: words) || b.matches(words: words)
        case .not(let a): return !a.matches(words: words)
        }
    }

    /// Lower-cased runs of letters and digits: the same words copy detection fingerprints.
    static func words(_ text: String) -> [String] { Fingerprint.words(text) }

    enum Token: Hashable, CustomStringConvertible {
        case words([String]), and, or, not, open, close
        var description: String {
            switch self {
            case .words(let w): w.joined(separator: " ")
            case .and: "AND"
            case .or: "OR"
            case .not: "NOT"
            case .open: "("
            case .close: ")"
            }
        }
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "(" { tokens.append(.open); i = text.index(after: i); continue }
            if ch == ")" { tokens.append(.close); i = text.index(after: i); continue }
            if ch == "\"" {
                let rest = text[text.index(after: i)...]
                let end = rest.firstIndex(of: "\"") ?? text.endIndex
                let w = words(String(rest[..<end]))
                if !w.isEmpty { tokens.append(.words(w)) }
                i = end < text.endIndex ? text.index(after: end) : end
                continue
            }
            if ch.isWhitespace { i = text.index(after: i); continue }
            var j = i
            while j < text.endIndex, !text[j].isWhitespace, text[j] != "(", text[j] != ")", text[j] != "\"" { j = text.index(after: j) }
            let word = String(text[i..<j])
            switch word {
            case "AND": tokens.append(.and)
            case "OR": tokens.append(.or)
            case "NOT": tokens.append(.not)
            default:
                let w = words(word)
                if !w.isEmpty { tokens.append(.words(w)) }
            }
            i = j
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        mutating func expression() throws -> WatchQuery {
            var left = try term()
            while position < tokens.count, tokens[position] == .or {
                position += 1
                left = .or(left, try term())
            }
            return left
        }

        mutating func term() throws -> WatchQuery {
            var left = try factor()
            while position < tokens.count, tokens[position] != .or, tokens[position] != .close {
                if tokens[position] == .and { position += 1 }
                left = .and(left, try factor())
            }
            return left
        }

        mutating func factor() throws -> WatchQuery {
            guard position < tokens.count else { throw ParseError(message: "the query ends where a word was expected") }
            let t = tokens[position]
            position += 1
            switch t {
            case .not: return .not(try factor())
            case .open:
                let inner = try expression()
                guard position < tokens.count, tokens[position] == .close else { throw ParseError(message: "a \"(\" is never closed") }
                position += 1
                return inner
            case .words(let w): return .phrase(w)
            default: throw ParseError(message: "\"\(t)\" cannot stand here")
            }
        }
    }
}
