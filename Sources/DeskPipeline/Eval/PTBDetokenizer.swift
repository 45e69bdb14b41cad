import Foundation

/// Best-effort inverse of Penn-Treebank tokenisation (`Michael Jackson 's death`, `-LRB-`, ``` `` ```/`''`),
/// the form of the dated-article evaluation sets. Good enough to feed text to the pipeline, not byte-exact.
public enum PTBDetokenizer {
    static let brackets = ["-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"]
    static let clitics: Set<String> = ["n't", "N'T", "'s", "'S", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M", "'"]
    static let closing: Set<String> = [",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "''"]
    static let opening: Set<String> = ["(", "[", "{", "$", "#", "``"]

    public static func detokenize(_ text: String) -> String {
        var out = ""
        var attachNext = false
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var token = String(raw)
            token = brackets[token] ?? token
            token = token.replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: "\\*", with: "*")
            let glueLeft = closing.contains(token) || clitics.contains(token)
            if !out.isEmpty && !glueLeft && !attachNext { out += " " }
            attachNext = opening.contains(token)
            switch token {
            case "``", "''": out += "\""
            default: out += token
            }
        }
        return out
    }
}
