import DeskModel

/// Finds named entities and links them to a normalised key.
///
/// Light rules over capitalised token runs: leading sentence words that are common words are dropped,
/// a leading demonym or country name is split off ("Israeli | Prime Minister Benjamin Netanyahu"),
/// role titles are dropped and mark the rest as a person, organisation and place suffixes decide ORG
/// and LOC, and the country gazetteer (names, demonyms, capitals) gives country keys ("country:IL",
/// capitals "capital:JP"). Persons are keyed by their lower-cased full name; linking a later
/// last-name-only mention to the full name is done over the document by `EntityLinker`.
public struct RuleEntityTagger: Sendable {
    public init() {}

    public func tag(_ sentence: String) -> [EntityMention] {
        tagSpans(sentence).map(\.mention)
    }

    /// A mention with its Unicode-scalar span in the sentence (end exclusive).
    struct Tagged: Sendable {
        var mention: EntityMention
        var start: Int
        var end: Int
    }

    func tagSpans(_ sentence: String) -> [Tagged] {
        let toks = EntityTokens.make(sentence)
        var out: [Tagged] = []
        var i = 0
        let firstWord = toks.firstIndex { $0.kind != .punct || !SentenceSplitter.openers.contains($0.text.unicodeScalars.first!) } ?? 0
        while i < toks.count {
            guard isNameToken(toks[i]) else { i += 1; continue }
            // Extend the run: names, connectors between names, hyphens between names.
            var j = i + 1
            while j < toks.count {
                if isNameToken(toks[j]) { j += 1; continue }
                if toks[j].kind == .word, EntityLexicon.connectors.contains(toks[j].lower), !toks[j].isCapitalized,
                   j + 1 < toks.count, isNameToken(toks[j + 1]) { j += 2; continue }
                break
            }
            var run = Array(toks[i..<j])
            // A sentence-initial common word is not part of a name ("The", "On", "Police").
            if i == firstWord, let f = run.first {
                if isCommonStart(f.lower) {
                    run.removeFirst()
                } else if run.count > 2, run[1].lower == "of", !EntityLexicon.orgHeads.contains(f.lower),
                          CountryAliases.countryCode(name: f.lower) == nil {
                    // "Shares of Elbit Systems": a plain noun opening the sentence.
                    run.removeFirst(2)
                }
            }
            let before = i > 0 && toks[i - 1].kind == .word ? toks[i - 1].lower : nil
            let after = j < toks.count && toks[j].kind == .word ? toks[j].lower : nil
            classify(run, before: before, after: after, into: &out)
            i = j
        }
        if out.contains(where: { $0.mention.key.hasPrefix(CapitalMetonymy.capitalPrefix) }) {
            CapitalMetonymy.apply(&out, scalars: Array(sentence.unicodeScalars))
        }
        return out
    }

    func isCommonStart(_ w: String) -> Bool {
        Stopwords.english.contains(w) || EntityLexicon.commonSentenceStarts.contains(w)
    }

    /// A capitalised word that can be part of a name (not a weekday, month or "I").
    func isNameToken(_ t: ScalarToken) -> Bool {
        guard t.kind == .word, t.isCapitalized else { return false }
        let w = t.lower.hasSuffix(".") ? String(t.lower.dropLast()) : t.lower
        if TimeLexicon.weekdays[w] != nil || w == "i" { return false }
        if TimeLexicon.months[w] != nil, w != "may" || t.text == "May" { return false }
        return true
    }

    // MARK: classification

    /// Classifies one run; `before` and `after` are the lower-cased words around it (context cues).
    func classify(_ run: [ScalarToken], before: String? = nil, after: String? = nil, into out: inout [Tagged]) {
        var run = run
        // Strip connectors at the edges ("of", "the").
        while let f = run.first, !f.isCapitalized { run.removeFirst() }
        while let l = run.last, !l.isCapitalized { run.removeLast() }
        guard !run.isEmpty else { return }
        let lowers = run.map { $0.lower }

        // Leading demonym or country name followed by more: "Israeli Prime Minister ...", "South Korean President ...".
        if run.count > 1, let (n, code) = leadingCountry(lowers), n < run.count {
            let rest = Array(run[n...])
            // Split before a title always; a demonym also before a person-like rest ("Japanese Fumio Kishida"),
            // but a name that is an organisation as a whole stays one ("Israel Aerospace Industries").
            let restRole = roleLength(rest.map { $0.lower })
            let isDemonym = CountryAliases.countryCode(demonym: lowers[0..<n].joined(separator: " ")) != nil
            if restRole > 0 || (isDemonym && rest.count >= 2 && !orgLike(lowers)) {
                add(&out, run[0..<n], EntityMention(text: text(run[0..<n]), kind: kindOfCountryWord(lowers[0..<n]), key: "country:" + code))
                classify(rest, before: nil, after: after, into: &out)
                return
            }
        }
        // Role titles: "Prime Minister Benjamin Netanyahu" → PER "Benjamin Netanyahu".
        let role = roleLength(lowers)
        if role > 0 {
            let rest = Array(run[role...])
            guard !rest.isEmpty else { return }
            let name = text(rest[...])
            add(&out, rest[...], EntityMention(text: name, kind: .person, key: Self.personKey(name)))
            return
        }
        let whole = lowers.joined(separator: " ")
        let surface = text(run[...])
        if run.count == 1, EntityLexicon.nonEntities.contains(whole) { return }
        if let code = CountryAliases.countryCode(name: whole) {
            add(&out, run[...], EntityMention(text: surface, kind: .place, key: "country:" + code)); return
        }
        if let code = CountryAliases.countryCode(demonym: whole) {
            add(&out, run[...], EntityMention(text: surface, kind: .other, key: "country:" + code)); return
        }
        if let code = Countries.capitals[whole] {
            add(&out, run[...], EntityMention(text: surface, kind: .place, key: "capital:" + code)); return
        }
        if let key = Places.key(whole) {
            add(&out, run[...], EntityMention(text: surface, kind: .place, key: key)); return
        }
        if orgLike(lowers) {
            add(&out, run[...], EntityMention(text: surface, kind: .organization, key: Self.orgKey(lowers))); return
        }
        if run.count > 1, let last = lowers.last, EntityLexicon.eventSuffixes.contains(last) {
            add(&out, run[...], EntityMention(text: surface, kind: .other, key: Self.nameKey(surface))); return
        }
        if run.count > 1, let last = lowers.last, let first = lowers.first,
           EntityLexicon.placeSuffixes.contains(last) || EntityLexicon.placePrefixes.contains(first) {
            add(&out, run[...], EntityMention(text: surface, kind: .place, key: Self.nameKey(surface))); return
        }
        // "in New Haven", "at Headingley": a place preposition before an unknown name.
        if let b = before, EntityLexicon.placePrepositions.contains(b) {
            add(&out, run[...], EntityMention(text: surface, kind: .place, key: Self.nameKey(surface))); return
        }
        // Acronyms: "NATO", "UN" (not "I", not initials).
        if run.count == 1, isAcronym(run[0].text) {
            add(&out, run[...], EntityMention(text: surface, kind: .organization, key: Self.nameKey(surface))); return
        }
        // Two to four capitalised words without connectors read as a person's name.
        if (2...4).contains(run.count), run.allSatisfy({ $0.isCapitalized && !isAcronym($0.text) || Self.isInitial($0.text) }) {
            add(&out, run[...], EntityMention(text: surface, kind: .person, key: Self.personKey(surface))); return
        }
        // "Shearer said": a single name before a reporting verb is a person.
        if run.count == 1, let a = after, EntityLexicon.reportingVerbs.contains(a) {
            add(&out, run[...], EntityMention(text: surface, kind: .person, key: Self.personKey(surface))); return
        }
        add(&out, run[...], EntityMention(text: surface, kind: .other, key: Self.nameKey(surface)))
    }

    func add(_ out: inout [Tagged], _ toks: ArraySlice<ScalarToken>, _ m: EntityMention) {
        out.append(Tagged(mention: m, start: toks.first!.start, end: toks.last!.end))
    }

    /// Length of a leading role title that ends on a head word ("prime minister" → 2), or 0.
    func roleLength(_ lowers: [String]) -> Int {
        var k = 0
        var lastHead = 0
        while k < lowers.count, EntityLexicon.roleWords.contains(Self.bare(lowers[k])) {
            if EntityLexicon.roleHeads.contains(Self.bare(lowers[k])) { lastHead = k + 1 }
            k += 1
        }
        return lastHead
    }

    /// The longest leading country name or demonym (up to four words).
    func leadingCountry(_ lowers: [String]) -> (Int, String)? {
        for n in stride(from: min(4, lowers.count), through: 1, by: -1) {
            let phrase = lowers[0..<n].joined(separator: " ")
            if let c = CountryAliases.countryCode(demonym: phrase) ?? CountryAliases.countryCode(name: phrase) { return (n, c) }
        }
        return nil
    }

    func kindOfCountryWord(_ lowers: ArraySlice<String>) -> EntityMention.Kind {
        CountryAliases.countryCode(demonym: lowers.joined(separator: " ")) != nil ? .other : .place
    }

    func orgLike(_ lowers: [String]) -> Bool {
        guard let last = lowers.last, let first = lowers.first else { return false }
        if EntityLexicon.orgSuffixes.contains(Self.bare(last)) { return true }
        return lowers.count > 2 && EntityLexicon.orgHeads.contains(first) && lowers[1] == "of"
    }

    func isAcronym(_ s: String) -> Bool {
        let letters = s.unicodeScalars.filter { ScalarClass.isAlphabetic($0) }
        return letters.count >= 2 && letters.count <= Self.maximumAcronymLength && letters.allSatisfy { ScalarClass.isUppercase($0) }
    }

    /// Longer all-capital words are shouted names ("GENEVA" in a dateline), not acronyms.
    static let maximumAcronymLength = 5

    static func isInitial(_ s: String) -> Bool {
        s.unicodeScalars.count == 2 && s.hasSuffix(".")
    }

    static func bare(_ w: String) -> String { w.hasSuffix(".") ? String(w.dropLast()) : w }

    func text(_ toks: ArraySlice<ScalarToken>) -> String {
        var s = ""
        for (k, t) in toks.enumerated() {
            if k > 0, t.spaceBefore { s += " " }
            s += t.text
        }
        return s
    }

    /// A person's key: the lower-cased full name, single spaces, no periods after initials.
    static func personKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    /// An organisation's key: lower-cased words without a leading "the" or a trailing legal form.
    static func orgKey(_ lowers: [String]) -> String {
        var words = lowers[...]
        if words.first == "the" { words = words.dropFirst() }
        if words.count > 1, let l = words.last, EntityLexicon.legalForms.contains(l) { words = words.dropLast() }
        return words.joined(separator: " ")
    }

    /// An organisation's or place's key: lower-cased, without a leading "the".
    static func nameKey(_ name: String) -> String {
        var k = name.lowercased()
        if k.hasPrefix("the ") { k.removeFirst(4) }
        return k
    }
}

/// Tokens for entity tagging: `ScalarToken`s with dotted abbreviations and initials merged ("U.S.",
/// "J."), and names joined across inner hyphens and apostrophes ("Al-Assad", "O'Brien").
enum EntityTokens {
    static func make(_ sentence: String) -> [ScalarToken] {
        let raw = ScalarTokenizer.tokenize(sentence)
        var out: [ScalarToken] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            var t = raw[i]
            // Dotted: single letters each followed by "." with no spaces ("U.S.", "J.").
            if t.kind == .word, t.text.unicodeScalars.count == 1, i + 1 < raw.count, raw[i + 1].text == ".", !raw[i + 1].spaceBefore {
                var j = i + 2
                while j + 1 < raw.count, raw[j].kind == .word, raw[j].text.unicodeScalars.count == 1, !raw[j].spaceBefore,
                      raw[j + 1].text == ".", !raw[j + 1].spaceBefore { j += 2 }
                t = merge(raw[i..<j])
                out.append(t); i = j; continue
            }
            // Abbreviated titles keep their period: "Mr.", "Gen.".
            if t.kind == .word, i + 1 < raw.count, raw[i + 1].text == ".", !raw[i + 1].spaceBefore,
               Abbreviations.titles.contains(t.lower) {
                out.append(merge(raw[i...i + 1])); i += 2; continue
            }
            // Capitalised parts joined by "-" or an apostrophe without spaces.
            var j = i + 1
            if t.kind == .word, t.isCapitalized {
                while j + 1 < raw.count, raw[j].kind == .punct, ["-", "'", "’"].contains(raw[j].text), !raw[j].spaceBefore,
                      !raw[j + 1].spaceBefore, raw[j + 1].kind == .word, raw[j + 1].isCapitalized { j += 2 }
            }
            out.append(j > i + 1 ? merge(raw[i..<j]) : t)
            i = j
        }
        return out
    }

    static func merge(_ toks: ArraySlice<ScalarToken>) -> ScalarToken {
        var t = toks.first!
        t.text = toks.map { $0.text }.joined()
        t.lower = t.text.lowercased()
        t.end = toks.last!.end
        t.kind = .word
        return t
    }
}
