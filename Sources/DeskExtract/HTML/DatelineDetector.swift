/// Recognises short lines that only carry a date, a time and perhaps a name ("Posted on March 30, 2015
/// by Admin", "November 18, 2019 | 4:10pm"): metadata printed at the edges of a body.
enum DatelineDetector {
    /// Longest line considered (non-space characters).
    static let maxChars = 80
    /// Words other than date words a dateline may hold (a name, a place).
    static let maxOtherWords = 3

    static let dateWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm", "a", "m", "p", "gmt", "utc", "est", "edt", "cst",
        "cdt", "pst", "pdt", "bst", "cet", "cest", "ist",
        "posted", "published", "updated", "last", "modified", "on", "by", "at", "date", "time", "st", "nd", "rd", "th",
    ]

    static func isDateline(_ text: String) -> Bool {
        guard Text.measure(text).chars <= maxChars else { return false }
        var hasYear = false, hasClock = false
        var other = 0
        for raw in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == ":") }) {
            let word = String(raw)
            if word.contains(":") {
                if word.split(separator: ":").allSatisfy({ $0.allSatisfy(\.isNumber) || $0.hasSuffix("am") || $0.hasSuffix("pm") }) {
                    hasClock = true
                    continue
                }
            }
            if word.allSatisfy(\.isNumber) {
                if word.count == 4, word.hasPrefix("19") || word.hasPrefix("20") { hasYear = true }
                continue
            }
            // "4pm", "18th"
            let digits = word.prefix { $0.isNumber }
            if !digits.isEmpty, dateWords.contains(String(word.dropFirst(digits.count))) { continue }
            if dateWords.contains(word) { continue }
            other += 1
        }
        return (hasYear || hasClock) && other <= maxOtherWords
    }
}
