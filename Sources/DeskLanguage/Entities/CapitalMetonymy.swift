import Foundation

/// A capital that stands for its country's government ("Tokyo announced plans", "Jerusalem and Tokyo agreed",
/// "Beijing's response") is linked to the country ("country:JP"), so entity pages and watches for Japan see what
/// Japan's government did; a capital as a place ("a terrorist in Jerusalem") keeps its own key ("capital:IL").
///
/// The rule reads what follows the name, as an editor does: a verb of decision or speech (with an optional
/// auxiliary or adverb before it), or a possessive followed by a word of government. Names joined by "and" or
/// "," share what follows them, so both capitals of "Jerusalem and Tokyo agreed" are governments. The type stays
/// LOC (as annotation guidelines such as CoNLL's tag such uses); only the key moves.
enum CapitalMetonymy {
    static let capitalPrefix = "capital:"

    /// Verbs whose subject, when a capital, is its government (past, present and base forms).
    static let actions: Set<String> = Set("""
    agreed agrees agree announced announces announce said says say warned warns warn signed signs sign ratified ratifies \
    ratify decided decides decide rejected rejects reject denied denies deny accused accuses accuse urged urges urge \
    insisted insists insist responded responds respond condemned condemns condemn approved approves approve demanded \
    demands demand refused refuses refuse threatened threatens threaten plans planned plan wants wanted want \
    confirmed confirms confirm protested protests protest recalled recalls recall expelled expels expel imposed imposes \
    impose retaliated retaliates retaliate vowed vows vow sought seeks seek pledged pledges pledge offered offers offer \
    welcomed welcomes welcome criticised criticized criticises criticizes criticise criticize blamed blames blame \
    summoned summons summon sanctioned sanctions sanction banned bans ban suspended suspends suspend backed backs back \
    opposed opposes oppose proposed proposes propose ordered orders order declared declares declare claimed claims claim \
    called calls call negotiated negotiates negotiate promised promises promise
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Words that may stand between the capital and its verb ("Tokyo has announced", "Beijing also warned"), besides
    /// adverbs in -ly.
    static let between: Set<String> = [
        "has", "have", "had", "will", "would", "could", "may", "might", "should", "must", "is", "was", "also", "then",
        "later", "quickly", "swiftly", "formally", "officially", "previously", "already", "now", "again", "since",
    ]

    /// Nouns after a capital's possessive that make it the government ("Tokyo's decision").
    static let governmentNouns: Set<String> = [
        "government", "decision", "position", "policy", "ambassador", "envoy", "response", "plan", "plans", "move",
        "stance", "approval", "refusal", "demands", "demand", "offer", "proposal", "sanctions", "officials", "leaders",
        "leadership", "foreign", "military", "approach", "objections", "protest", "claims",
    ]

    /// Rewrites the keys of capitals used for their governments, in place. `scalars` is the sentence the spans
    /// index (scalar offsets, end exclusive), spans in order.
    static func apply(_ tagged: inout [RuleEntityTagger.Tagged], scalars: [Unicode.Scalar]) {
        guard tagged.contains(where: { $0.mention.key.hasPrefix(capitalPrefix) }) else { return }
        var i = 0
        while i < tagged.count {
            // A group of names joined by "and" / "," ("Jerusalem and Tokyo", "Paris, Berlin and Rome").
            var j = i
            while j + 1 < tagged.count, isJoiner(scalars, from: tagged[j].end, to: tagged[j + 1].start) { j += 1 }
            let capitals = (i...j).filter { tagged[$0].mention.key.hasPrefix(capitalPrefix) }
            if !capitals.isEmpty, !followsPlacePreposition(scalars, before: tagged[i].start),
               actsAsGovernment(scalars, after: tagged[j].end) {
                for k in capitals {
                    tagged[k].mention.key = "country:" + tagged[k].mention.key.dropFirst(capitalPrefix.count)
                }
            }
            i = j + 1
        }
    }

    /// Prepositions that make the name a place even before a verb ("officials in Tokyo said").
    static let placePrepositions: Set<String> = [
        "in", "at", "from", "to", "near", "outside", "inside", "into", "of", "across", "around", "via", "over", "through",
        "toward", "towards", "within", "by", "for", "on", "between",
    ]

    static func followsPlacePreposition(_ scalars: [Unicode.Scalar], before start: Int) -> Bool {
        var k = min(start, scalars.count) - 1
        while k >= 0, scalars[k] == " " { k -= 1 }
        var word = ""
        while k >= 0, scalars[k].properties.isAlphabetic {
            word.unicodeScalars.insert(scalars[k], at: word.unicodeScalars.startIndex)
            k -= 1
        }
        return placePrepositions.contains(word.lowercased())
    }

    /// Only "and", "," or ", and" (with spaces) lies between two names.
    static func isJoiner(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard from <= to, to <= scalars.count else { return false }
        let gap = String(String.UnicodeScalarView(scalars[from..<to])).trimmingCharacters(in: .whitespaces).lowercased()
        return gap == "and" || gap == "," || gap == ", and"
    }

    static func actsAsGovernment(_ scalars: [Unicode.Scalar], after end: Int) -> Bool {
        guard end < scalars.count else { return false }
        // The next few words after the name, lower-cased; a possessive "'s" / "’s" is its own word.
        var words: [String] = []
        var current = ""
        var k = end
        while k < scalars.count, words.count < 4 {
            let c = scalars[k]
            if c == "'" || c == "\u{2019}", k + 1 < scalars.count, scalars[k + 1] == "s" || scalars[k + 1] == "S",
               current.isEmpty, words.isEmpty {
                words.append("'s"); k += 2; continue
            }
            if c.properties.isAlphabetic || c == "-" {
                current.unicodeScalars.append(c)
            } else {
                if !current.isEmpty { words.append(current.lowercased()); current = "" }
                // Punctuation other than a space ends the clause the name is the subject of.
                if c != " " { break }
            }
            k += 1
        }
        if !current.isEmpty, words.count < 4 { words.append(current.lowercased()) }
        guard let first = words.first else { return false }
        if first == "'s" { return words.count > 1 && governmentNouns.contains(words[1]) }
        for word in words {
            if actions.contains(word) { return true }
            // Auxiliaries and adverbs ("has repeatedly warned") may stand between the name and its verb.
            if !between.contains(word), !(word.hasSuffix("ly") && word.count > 4) { return false }
        }
        return false
    }
}
