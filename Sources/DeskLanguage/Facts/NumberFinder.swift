import DeskModel

/// Numbers with their unit and what they count: "$3.5 billion" (USD), "12%" (%), "seven people"
/// (counts "people"), "the death toll rose to 11" (counts "death toll"). Numbers inside time expressions
/// (years, dates, durations) and ordinals are left to the time tagger.
enum NumberFinder {
    static let currencySymbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₪": "ILS"]
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "yen": "JPY",
        "yuan": "CNY", "rupee": "INR", "rupees": "INR", "shekel": "ILS", "shekels": "ILS", "ruble": "RUB", "rubles": "RUB",
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
    ]
    /// Measurement units as written → their singular form.
    static let units: [String: String] = [
        "percent": "%", "per": "%", "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
        "miles": "mile", "mile": "mile", "meters": "m", "metres": "m", "meter": "m", "metre": "m", "feet": "ft", "foot": "ft",
        "kg": "kg", "kilograms": "kg", "tons": "ton", "tonnes": "tonne", "ton": "ton", "tonne": "tonne", "barrels": "barrel",
        "mph": "mph", "degrees": "degree", "acres": "acre", "hectares": "hectare", "liters": "liter", "litres": "litre",
        "gallons": "gallon", "mw": "MW", "gw": "GW", "points": "point",
    ]
    /// Verbs of change or level that link a counted subject to its number ("the death toll rose to 11").
    static let levelVerbs: Set<String> = [
        "rose", "rises", "risen", "rising", "climbed", "climbs", "jumped", "jumps", "reached", "reaches", "hit", "hits",
        "stood", "stands", "fell", "falls", "dropped", "drops", "increased", "increases", "decreased", "decreases",
        "soared", "soars", "grew", "grows", "is", "was", "are", "were", "totaled", "totalled", "topped", "tops",
    ]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 100,
        "thousands": 1_000,
    ]
    /// Words that do not name what is counted.
    static let notCounted: Set<String> = [
        "of", "to", "from", "in", "on", "at", "and", "or", "the", "a", "an", "by", "for", "with", "than", "as", "per",
        "percent", "is", "was", "were", "are", "who", "which", "that", "more", "less", "times", "years", "year", "old",
    ]

    static func find(_ sentence: String, times: [TimeRef]) -> [NumberMention] {
        let toks = ScalarTokenizer.tokenize(sentence)
        let scalars = Array(sentence.unicodeScalars)
        var out: [NumberMention] = []
        var i = 0
        // Times in text order, walked with the numbers (linear in long paragraphs).
        let sortedTimes = times.sorted { $0.start < $1.start }
        var ti = 0
        func inTime(_ a: Int, _ b: Int) -> Bool {
            while ti < sortedTimes.count, sortedTimes[ti].end <= a { ti += 1 }
            return ti < sortedTimes.count && sortedTimes[ti].start < b
        }
        while i < toks.count {
            let t = toks[i]
            var value: Double?
            if t.kind == .number, let v = Double(t.withoutCommas), !t.has(0x3A) { value = v }
            else if t.kind == .word, let v = numberWords[t.lower], !(v == 1 && t.lower == "one" && i + 1 < toks.count && toks[i + 1].lower == "of") { value = v }
            guard var v = value, !inTime(t.start, t.end) else { i += 1; continue }
            var start = i, end = i + 1
            var unit: String?
            // Currency before: "$3.5", "US$ 10".
            if i > 0, let c = currencySymbols[toks[i - 1].text] { unit = c; start = i - 1 }
            // Scale words: "3.5 billion", "two million".
            if end < toks.count, let s = scales[toks[end].lower], toks[end].kind == .word, s > 1 || toks[end].lower == "hundred" {
                if toks[end].lower.count > 1 || unit != nil { v *= s; end += 1 }
            }
            // Unit after: "%", "percent", "km", "dollars".
            if end < toks.count {
                let n = toks[end]
                if n.text == "%" { unit = "%"; end += 1 }
                else if n.lower == "per", end + 1 < toks.count, toks[end + 1].lower == "cent" { unit = "%"; end += 2 }
                else if let c = currencyWords[n.lower], unit == nil { unit = c; end += 1 }
                else if n.lower != "per", let u = units[n.lower] { unit = u; end += 1 }
            }
            var counts: String?
            if unit == nil || unit == "%" {
                counts = countedNoun(after: end, toks)
                if counts == nil { counts = countedSubject(before: start, toks) }
            }
            let a = toks[start].start, b = toks[end - 1].end
            out.append(NumberMention(text: ScalarTokenizer.slice(scalars, a, b), start: a, end: b, value: v, unit: unit, counts: counts))
            i = end
        }
        return out
    }

    /// "seven people", "11 attack drones", "40 of the hostages": up to three lower-case words after the number,
    /// the last of them a noun-like word (not a function word).
    static func countedNoun(after k: Int, _ toks: [ScalarToken]) -> String? {
        var j = k
        if j + 2 < toks.count, toks[j].lower == "of", toks[j + 1].lower == "the" { j += 2 }
        var words: [String] = []
        while j < toks.count, words.count < 3, toks[j].kind == .word, !toks[j].isCapitalized {
            let w = toks[j].lower
            if notCounted.contains(w) || w.hasSuffix("ly") || numberWords[w] != nil || scales[w] != nil { break }
            words.append(w); j += 1
            // A plural noun usually closes the phrase ("people", "drones").
            if w.hasSuffix("s") || w == "people" || w == "children" || w == "police" { break }
        }
        // A phrase of one adjective-looking word is not a noun ("seven new"): keep only when plural or known.
        guard let last = words.last else { return nil }
        if words.count == 1, !(last.hasSuffix("s") || ["people", "children", "police", "staff", "personnel", "dead", "injured", "wounded"].contains(last)) { return nil }
        return words.joined(separator: " ")
    }

    /// "the death toll rose to 11", "unemployment stands at 5%": the subject before a level verb.
    static func countedSubject(before k: Int, _ toks: [ScalarToken]) -> String? {
        var j = k - 1
        if j >= 0, ["to", "at", "by", "of"].contains(toks[j].lower) { j -= 1 }
        guard j >= 0, levelVerbs.contains(toks[j].lower) else { return nil }
        j -= 1
        if j >= 0, ["has", "have", "had"].contains(toks[j].lower) { j -= 1 }
        var words: [String] = []
        while j >= 0, words.count < 3, toks[j].kind == .word, !notCounted.contains(toks[j].lower), !toks[j].isCapitalized {
            words.insert(toks[j].lower, at: 0); j -= 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
