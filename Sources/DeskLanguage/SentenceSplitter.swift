/// Splits a paragraph into sentences.
public struct SentenceSplitter: Sendable {
    public init() {}

    public func split(_ paragraph: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(paragraph)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            if (ch == "." || ch == "!" || ch == "?"), i + 1 < chars.count, chars[i + 1] == " ",
               i + 2 < chars.count, chars[i + 2].isUppercase {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }
}

import Foundation
