/// What a person typed, reduced to words (letters and digits), at most 16: never a query syntax error.
enum SearchWords {
    static let maxWords = 16

    static func words(_ query: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in query {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return Array(words.prefix(maxWords))
    }
}
