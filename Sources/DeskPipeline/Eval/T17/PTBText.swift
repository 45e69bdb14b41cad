import Foundation

/// Undoes Penn Treebank tokenisation ("Jackson 's death -LRB- 50 -RRB- ." → "Jackson's death (50).") so
/// tokenised evaluation text reads like the prose the desk ingests. Best effort, as ../shared/tools/t17.py.
public enum PTBText {
    static let brackets = ["-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
                           "-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}"]
    static let clitics: Set<String> = ["n't", "N'T", "'s", "'S", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M"]
    static let closing: Set<String> = [",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'"]
    static let opening: Set<String> = ["(", "[", "{", "$", "#"]

    public static func detokenize(_ text: String) -> String {
        var out = ""
        var glueNext = true
        var quoteOpen = false
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var token = brackets[String(raw)] ?? String(raw)
            token = token.replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: "\\*", with: "*")
            var glue = glueNext
            glueNext = false
            switch token {
            case "``", "`": token = "\""; quoteOpen = true; glueNext = true
            case "''": token = "\""; glue = true; quoteOpen = false
            case "\"":
                if quoteOpen { glue = true } else { glueNext = true }
                quoteOpen.toggle()
            default:
                if clitics.contains(token) || closing.contains(token) { glue = true }
                if opening.contains(token) { glueNext = true }
            }
            if !glue && !out.isEmpty { out += " " }
            out += token
        }
        return out
    }
}
