/// What changes on a page without the article changing: "Updated 5 minutes ago", "Last updated: 10:42 GMT",
/// "23 comments", "1.2k shares", view counts, the date in a dateline. `key(_:)` gives a sentence's
/// matching key with those parts masked, or "" when the sentence is nothing but such parts (it is then left
/// out of the diff altogether).
///
/// Masked anywhere: a count of comments, likes or replies ("23 comments", "Comments (23)") and a short age
/// ("5 minutes ago", "an hour ago"). Other counts ("1.2k shares", "4,100 views") and long ages ("3 days ago")
/// only make a line furniture when nothing else is on it: in prose they are news. Masked only after a time-stamp verb
/// ("updated", "published", "posted", "modified") and in a dateline ("WASHINGTON, Nov 24 (Reuters) -"): clock
/// times, dates, month and weekday names, time zones — elsewhere a date is news, and a change to it is a revision.
public enum VolatileText {
    /// A whole sentence is only volatile when it is this short: a line of page furniture, not prose.
    /// Time-stamp and counter lines run to about a dozen words ("Published 24 November 2026, 10:42 GMT ·
    /// Updated 25 November 2026, 08:10 GMT · 23 comments" is 15); prose is longer.
    static let maximumFurnitureWords = 18
    /// How many words after a time-stamp verb are read as its time stamp ("updated on Tuesday, Nov. 24, 2026, at
    /// 10:42 a.m. ET" is 10).
    static let stampReach = 10
    /// How many words before a dash a dateline may have ("NEW YORK, Nov 24 (Reuters) -" has 5).
    static let datelineReach = 8

    static let counterNouns: Set<String> = [
        "comment", "comments", "share", "shares", "view", "views", "like", "likes", "reaction", "reactions",
        "reply", "replies", "retweet", "retweets", "read", "reads", "reader", "readers", "vote", "votes",
        "recommend", "recommends", "recommendations", "points", "upvotes", "claps", "responses", "response",
        "watching", "viewers", "plays", "listens", "downloads",
    ]
    /// Counter nouns whose counts are masked in prose too; the others ("100 shares", "52 votes", "10 points",
    /// "2 million viewers") are news in a sentence and only page furniture on a short line.
    static let pageCounters: Set<String> = [
        "comment", "comments", "likes", "reactions", "replies", "retweets", "upvotes", "claps", "recommends",
    ]
    /// Counter nouns a count may also follow ("Comments (23)", "Views: 1,204"); not "shares" or "votes",
    /// which head numbers in prose ("shares 5% higher", "votes 52-48").
    static let countsAfter: Set<String> = ["comment", "comments", "views", "likes", "reactions", "replies", "responses"]
    static let ageUnits: Set<String> = [
        "second", "seconds", "sec", "secs", "s", "minute", "minutes", "min", "mins", "m", "hour", "hours", "hr", "hrs",
        "h", "day", "days", "d", "week", "weeks", "wk", "wks", "month", "months", "mo", "year", "years", "yr", "yrs",
    ]
    static let longAgeUnits: Set<String> = [
        "day", "days", "d", "week", "weeks", "wk", "wks", "month", "months", "mo", "year", "years", "yr", "yrs",
    ]
    static let stampVerbs: Set<String> = [
        "updated", "update", "published", "posted", "modified", "edited", "revised", "uploaded", "filed", "amended",
    ]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "today", "yesterday",
    ]
    static let zones: Set<String> = [
        "gmt", "utc", "bst", "cet", "cest", "eet", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt",
        "pst", "pdt", "ist", "jst", "aest", "aedt", "hkt", "sgt", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "noon",
        "midnight", "z",
    ]
    /// Words a furniture line may hold besides what is masked.
    static let furniture: Set<String> = [
        "last", "first", "on", "at", "ago", "just", "now", "moments", "moment", "an", "a", "one", "few", "and", "by",
        "time", "reading", "min", "mins", "k", "m", "this", "article", "story", "page", "post", "print", "email",
        "share", "tweet", "save", "of", "the", "since", "as", "less", "than", "under", "over", "about",
    ]

    /// Matching key of a sentence with volatile parts masked as "#"; "" when nothing else is left.
    public static func key(_ sentence: String) -> String {
        var words = tokens(sentence)
        guard !words.isEmpty else { return "" }
        var masked = [Bool](repeating: false, count: words.count)
        // Masked only when the whole line turns out to be furniture: counts that are news in prose
        // ("sold 100 shares", "52 votes") and long ages ("18 years ago").
        var furnitureOnly = [Bool](repeating: false, count: words.count)
        let lower = words.map { $0.lowercased() }
        for i in lower.indices {
            // Counts before and after counter nouns.
            if counterNouns.contains(lower[i]) {
                let page = pageCounters.contains(lower[i])
                var k = i - 1
                if k >= 0, lower[k] == "k" || lower[k] == "m" { k -= 1 }
                if k >= 0, isCount(lower[k]) { for x in k..<i { if page { masked[x] = true } else { furnitureOnly[x] = true } } }
                if countsAfter.contains(lower[i]), i + 1 < lower.count, isCount(lower[i + 1]) { masked[i + 1] = true }
            }
            // Ages: "5 minutes ago", "an hour ago", "2h ago"; in prose only the short ones that drift as a page
            // ages ("18 years ago" in a sentence is news).
            if lower[i] == "ago", i >= 1 {
                let unit = lower[i - 1]
                if ageUnits.contains(unit) || unit.first?.isNumber == true {
                    let long = longAgeUnits.contains(unit)
                    var span = [i - 1]
                    if ageUnits.contains(unit), i >= 2, isCount(lower[i - 2]) || ["a", "an", "one", "few"].contains(lower[i - 2]) {
                        span.append(i - 2)
                    }
                    for x in span { if long { furnitureOnly[x] = true } else { masked[x] = true } }
                }
            }
            // Time stamps after a stamp verb.
            if stampVerbs.contains(lower[i]) {
                var k = i + 1
                while k < lower.count, k <= i + stampReach, isStampWord(lower[k]) {
                    if !furniture.contains(lower[k]) { masked[k] = true }
                    k += 1
                }
            }
        }
        if let dash = datelineEnd(words, lower) {
            for k in 0..<dash where isDateWord(lower[k]) { masked[k] = true }
        }
        if words.count <= maximumFurnitureWords,
           lower.indices.allSatisfy({ masked[$0] || furnitureOnly[$0] || isDash(lower[$0]) || furniture.contains(lower[$0])
               || stampVerbs.contains(lower[$0]) || counterNouns.contains(lower[$0]) || isStampWord(lower[$0]) }),
           lower.indices.contains(where: { masked[$0] || furnitureOnly[$0] || stampVerbs.contains(lower[$0]) }) {
            return ""
        }
        for i in words.indices where masked[i] { words[i] = "#" }
        return SentenceKey.key(words.joined(separator: " "))
    }

    /// Words and separators: runs of letters and digits (with ".", ",", ":" between digits, and "." inside
    /// "a.m."), and dashes standing alone.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else if !current.isEmpty, c == "." || c == "," || c == ":", i + 1 < chars.count,
                      (chars[i + 1].isNumber && current.last!.isNumber) || (c == "." && current.count == 1 && chars[i + 1].isLetter) {
                current.append(c)
            } else {
                if !current.isEmpty { out.append(current); current = "" }
                if c == "-" || c == "\u{2014}" || c == "\u{2013}" || c == "|" || c == "\u{00B7}" || c == "\u{2022}" {
                    out.append(String(c))
                }
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The position of a dateline's dash: "WASHINGTON, Nov 24 (Reuters) -", "PARIS, March 3 —": a place in
    /// capitals, a month or weekday name, within `datelineReach` words of the start (a bare number is not
    /// enough: "HD HOME DEPOT 225.86 -12.99" is a table row). Wherever the sentence stands (a note put
    /// above it must not unmask it).
    static func datelineEnd(_ words: [String], _ lower: [String]) -> Int? {
        guard let first = words.first, first.count >= 2, first.allSatisfy({ !$0.isLetter || $0.isUppercase }),
              first.contains(where: \.isLetter),
              let dash = words.prefix(datelineReach + 1).firstIndex(where: isDash),
              (0..<dash).contains(where: { months.contains(lower[$0]) || weekdays.contains(lower[$0]) }) else { return nil }
        return dash
    }

    static func isDash(_ w: String) -> Bool { w == "-" || w == "\u{2014}" || w == "\u{2013}" || w == "|" || w == "\u{00B7}" || w == "\u{2022}" }

    /// "23", "1.2", "4,100", "1.2k", "12K".
    static func isCount(_ w: String) -> Bool {
        guard let first = w.first, first.isNumber else { return false }
        var body = Substring(w)
        if let last = body.last, last == "k" || last == "m" || last == "b" { body = body.dropLast() }
        return body.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    static func isDateWord(_ w: String) -> Bool {
        guard let first = w.first else { return false }
        if first.isNumber {
            // 24, 2026, 10:42, 24th, 1st
            return w.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." || $0 == "," }
                || ["st", "nd", "rd", "th"].contains(String(w.drop { $0.isNumber }))
        }
        return months.contains(w) || weekdays.contains(w) || zones.contains(w)
    }

    static func isStampWord(_ w: String) -> Bool {
        isDateWord(w) || w == "on" || w == "at" || w == "ago" || w == "just" || w == "now" || w == "|" || isDash(w)
            || ageUnits.contains(w) || w == "an" || w == "a"
    }
}
