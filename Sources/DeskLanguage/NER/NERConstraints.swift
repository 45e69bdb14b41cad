/// Hard rules around the statistical tagger's decoding, for cues its training data (encyclopedic text)
/// rarely shows but news text is full of.
enum NERConstraints {
    /// Labels a token may take: a bare number ("83", "429-7", "1=") and a weekday name are never part of a
    /// name (scores, table rows and dates in news).
    static func allowed(_ tokens: [NERToken]) -> [Bool] {
        let bare = tokens.map(isBareNumber)
        return tokens.indices.map { k in
            if bare[k] { return false }
            let l = tokens[k].text.lowercased()
            if TimeLexicon.weekdays[l] != nil { return false }
            // A month next to a day number is a date ("May 12", "12 Oct."), never a name.
            let m = l.hasSuffix(".") ? String(l.dropLast()) : l
            if TimeLexicon.months[m] != nil, (k + 1 < tokens.count && isDay(tokens[k + 1].text)) || (k > 0 && isDay(tokens[k - 1].text)) {
                return false
            }
            return true
        }
    }

    static func isBareNumber(_ t: NERToken) -> Bool {
        var digits = 0, letters = 0
        for s in t.text.unicodeScalars {
            if s.value >= 48 && s.value <= 57 { digits += 1 } else if ScalarClass.isAlphabetic(s) { letters += 1 }
        }
        return digits > 0 && letters == 0
    }

    static func isDay(_ w: String) -> Bool {
        guard let n = Int(w) else { return false }
        return (1...31).contains(n)
    }

    /// Titles that separate an organisation or place from the person after it
    /// ("Panamanian Boxing Association President Ramon Manzanares").
    static let splittingTitles: Set<String> = [
        "president", "minister", "chancellor", "secretary", "governor", "mayor", "senator", "chairman",
        "chairwoman", "ceo", "spokesman", "spokeswoman", "ambassador", "premier", "coach", "captain", "manager",
    ]

    /// Splits spans at an inner title: the part before keeps its type, the part after becomes a person.
    static func splitAtTitles(_ tokens: [NERToken], _ labels: inout [Int]) {
        for span in NERLabel.spans(labels) where span.end - span.start >= 3 {
            for k in (span.start + 1)..<(span.end - 1) where splittingTitles.contains(tokens[k].text.lowercased()) {
                labels[k] = NERLabel.outside
                labels[k + 1] = NERLabel.begin(0)
                for j in (k + 2)..<span.end { labels[j] = NERLabel.inside(0) }
                break
            }
        }
    }

    /// A wire dateline: one to three words in capitals opening a line that holds only them and a date
    /// ("LONDON 1996-08-30"), or followed by "(" ("BONN (Reuters) -"): a place. ("SOCCER - ..." is a
    /// section slug, not a dateline.)
    static func datelines(_ tokens: [NERToken], _ labels: inout [Int]) {
        var k = 0
        while k < tokens.count, k < 3, isShoutedWord(tokens[k].text) { k += 1 }
        guard k > 0, k < tokens.count || k == tokens.count else { return }
        let rest = tokens[k...]
        let dateOnly = rest.count == 1 && rest.first!.text.unicodeScalars.first.map { $0.value >= 48 && $0.value <= 57 } == true
        let wire = rest.first.map { $0.text == "(" } ?? false
        guard dateOnly || (wire && k < tokens.count) else { return }
        guard labels[0..<k].allSatisfy({ $0 == NERLabel.outside }) || NERLabel.spans(Array(labels[0..<k])).count == 1 else { return }
        labels[0] = NERLabel.begin(2)
        for j in 1..<k { labels[j] = NERLabel.inside(2) }
    }

    static func isShoutedWord(_ w: String) -> Bool {
        var letters = 0
        for s in w.unicodeScalars {
            if ScalarClass.isLowercase(s) { return false }
            if ScalarClass.isAlphabetic(s) { letters += 1 } else if s != "." && s != "'" { return false }
        }
        return letters >= 2
    }
}
