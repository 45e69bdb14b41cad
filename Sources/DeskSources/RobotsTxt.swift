import Foundation

/// A parsed robots.txt (RFC 9309): the group for our product token, else `*`; the longest matching rule
/// wins, Allow winning a tie; `*` and `$` in paths.
public struct RobotsTxt: Sendable, Hashable {
    struct Rule: Sendable, Hashable { let allow: Bool; let pattern: String }
    let rules: [Rule]

    public static let allowAll = RobotsTxt(rules: [])
    public static let disallowAll = RobotsTxt(rules: [Rule(allow: false, pattern: "/")])

    init(rules: [Rule]) { self.rules = rules }

    /// Parses `text` for the crawler named `agent` (its product token, e.g. "updatedesk").
    public init(_ text: String, agent: String) {
        var groups: [(agents: [String], rules: [Rule])] = []
        var lastWasAgent = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if lastWasAgent, !groups.isEmpty { groups[groups.count - 1].agents.append(value.lowercased()) }
                else { groups.append(([value.lowercased()], [])) }
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty else { continue }
                if key == "disallow" && value.isEmpty { continue }  // "Disallow:" with nothing allows everything
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            default:
                lastWasAgent = false
            }
        }
        let token = agent.lowercased()
        let own = groups.filter { $0.agents.contains { $0 != "*" && token.hasPrefix($0) } }
        let chosen = own.isEmpty ? groups.filter { $0.agents.contains("*") } : own
        rules = chosen.flatMap(\.rules)
    }

    /// Whether `path` (path and query of a URL) may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            if best == nil || rule.pattern.count > best!.pattern.count || (rule.pattern.count == best!.pattern.count && rule.allow) {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Substring(pattern)
        let anchored = p.hasSuffix("$")
        if anchored { p = p.dropLast() }
        let pieces = p.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (i, piece) in pieces.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else {
                guard let range = rest.range(of: piece) else { return false }
                rest = rest[range.upperBound...]
            }
        }
        return !anchored || rest.isEmpty || (pieces.last?.isEmpty == true)
    }
}
