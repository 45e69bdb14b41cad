/// Hand-chosen features of the statistical entity tagger, hashed to 64-bit keys (FNV-1a over a template
/// number and the value's UTF-8 bytes, so the model file does not depend on Swift's seeded hashing).
///
/// Per token: the word (exact and lower-cased), its shape (long and collapsed), prefixes and suffixes,
/// capitalisation pattern, position in the sentence, whether the sentence is shouted (all capitals),
/// the neighbouring words and shapes, gazetteer membership (countries, demonyms, capitals, US states,
/// cities; longest match, B/I), a role title before the word, the organisation or place suffix that
/// ends its capitalised run, the rule tagger's label, and two document cues (the word also occurs in
/// lower case in the document; the case a shouted word has elsewhere in the document).
struct NERFeatures {
    /// Features of every token of one sentence.
    static func extract(_ sentence: NERSentence, document: NERDocument?) -> [[UInt64]] {
        let toks = sentence.tokens
        let n = toks.count
        var out: [[UInt64]] = []
        out.reserveCapacity(n)
        let lowers = sentence.lowers
        let shapes = toks.map { shape($0.text) }
        let shorts = shapes.map(collapse)
        let shouted = sentence.shouted
        let gaz = sentence.gazetteer
        let runs = runCues(toks, lowers)
        let rules = sentence.ruleTags
        func word(_ k: Int) -> String { k < 0 ? "<s>" : k >= n ? "</s>" : lowers[k] }
        func short(_ k: Int) -> String { k < 0 ? "<s>" : k >= n ? "</s>" : shorts[k] }
        for i in 0..<n {
            var f: [UInt64] = []
            f.reserveCapacity(48)
            let w = toks[i].text, l = lowers[i]
            f.append(h(0, ""))
            f.append(h(1, l))
            f.append(h(2, w))
            f.append(h(3, shapes[i]))
            f.append(h(4, shorts[i]))
            let ls = Array(l.unicodeScalars)
            for k in 1...3 where ls.count > k { f.append(h(UInt8(4 + k), ls[0..<k])) }
            for k in 1...4 where ls.count > k { f.append(h(UInt8(8 + k), ls[(ls.count - k)...])) }
            let first = i == 0 || (i == 1 && !isWordy(toks[0].text))
            f.append(h(13, prefixedBy: first ? "F" : "M", shorts[i]))
            if shouted { f.append(h(14, shorts[i])); f.append(h(15, l)) }
            f.append(h(16, word(i - 1)))
            f.append(h(17, word(i + 1)))
            f.append(h(18, word(i - 2)))
            f.append(h(19, word(i + 2)))
            f.append(h(20, short(i - 1)))
            f.append(h(21, short(i + 1)))
            f.append(h(22, short(i - 1), shorts[i]))
            f.append(h(23, shorts[i], short(i + 1)))
            f.append(h(24, word(i - 1), l))
            f.append(h(25, l, word(i + 1)))
            f.append(h(26, short(i - 1), shorts[i], short(i + 1)))
            if let g = gaz[i] { f.append(h(27, g)); f.append(h(28, g, shorts[i])) }
            if i > 0, let g = gaz[i - 1] { f.append(h(29, g)) }
            if i + 1 < n, let g = gaz[i + 1] { f.append(h(30, g)) }
            if i > 0, EntityLexicon.roleHeads.contains(RuleEntityTagger.bare(lowers[i - 1])) { f.append(h(31, shorts[i])) }
            if let r = runs[i] { f.append(h(32, r)) }
            if i < rules.count, let r = rules[i] {
                f.append(h(33, r))
                f.append(h(34, r, shorts[i]))
                if shouted { f.append(h(35, r)) }
            }
            if let doc = document {
                if isCapital(w), doc.lowerCase.contains(l) { f.append(h(36, first ? "F" : "M")) }
                if shouted || first, let cased = doc.casedForm[l] { f.append(h(37, collapse(shape(cased)))) }
            }
            if TimeLexicon.months[l] != nil { f.append(h(39, "month")) }
            if i > 0, i + 1 < n, isCapital(toks[i - 1].text), isCapital(toks[i + 1].text) { f.append(h(38, shorts[i])) }
            out.append(f)
        }
        return out
    }

    // MARK: hashing

    @inline(__always) static func h(_ template: UInt8, _ value: String) -> UInt64 {
        var f = FNV(template)
        f.mix(value)
        return f.value
    }

    /// The hash of `letter + value` without building the string.
    @inline(__always) static func h(_ template: UInt8, prefixedBy letter: Unicode.Scalar, _ value: String) -> UInt64 {
        var f = FNV(template)
        f.mix(UInt8(truncatingIfNeeded: letter.value)); f.mix(value)
        return f.value
    }

    /// The hash of `a + "|" + b` without building the string.
    @inline(__always) static func h(_ template: UInt8, _ a: String, _ b: String) -> UInt64 {
        var f = FNV(template)
        f.mix(a); f.mix(UInt8(ascii: "|")); f.mix(b)
        return f.value
    }

    @inline(__always) static func h(_ template: UInt8, _ a: String, _ b: String, _ c: String) -> UInt64 {
        var f = FNV(template)
        f.mix(a); f.mix(UInt8(ascii: "|")); f.mix(b); f.mix(UInt8(ascii: "|")); f.mix(c)
        return f.value
    }

    /// The hash of the string made of some scalars (a prefix or suffix) without building it.
    @inline(__always) static func h(_ template: UInt8, _ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var f = FNV(template)
        for s in scalars { for b in UTF8.encode(s)! { f.mix(b) } }
        return f.value
    }

    /// 64-bit FNV-1a.
    struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) init(_ template: UInt8) { mix(template) }
        @inline(__always) mutating func mix(_ b: UInt8) { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        @inline(__always) mutating func mix(_ s: String) {
            var s = s
            s.withUTF8 { for b in $0 { mix(b) } }
        }
    }

    // MARK: word cues

    /// "Netanyahu" → "Xxxxxxxxx" (at most 6 repeats kept), "1996-08-30" → "dddd-dd-dd".
    static func shape(_ w: String) -> String {
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar = " "
        var run = 0
        for s in w.unicodeScalars {
            let c: Unicode.Scalar = ScalarClass.isUppercase(s) ? "X" : ScalarClass.isLowercase(s) ? "x"
                : (s.value >= 48 && s.value <= 57) ? "d" : ScalarClass.isAlphabetic(s) ? "a" : s
            if c == last { run += 1 } else { run = 1; last = c }
            if run <= 4 { out.append(c) }
        }
        return String(out)
    }

    /// Runs of one class collapsed: "Xxxxxxxxx" → "Xx", "dddd-dd-dd" → "d-d-d".
    static func collapse(_ shape: String) -> String {
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar = " "
        for s in shape.unicodeScalars where s != last { out.append(s); last = s }
        return String(out)
    }

    static func isCapital(_ w: String) -> Bool { w.unicodeScalars.first.map(ScalarClass.isUppercase) ?? false }
    static func isWordy(_ w: String) -> Bool { w.unicodeScalars.first.map(ScalarClass.isAlphabetic) ?? false }

    /// Most letters of the sentence are capitals (a headline in capitals): case says nothing there.
    static func isShouted(_ toks: [NERToken]) -> Bool {
        var upper = 0, lower = 0
        for t in toks { for s in t.text.unicodeScalars { if ScalarClass.isUppercase(s) { upper += 1 } else if ScalarClass.isLowercase(s) { lower += 1 } } }
        return upper >= 4 && upper > 3 * lower
    }

    /// Longest gazetteer match starting at each capitalised token (up to four tokens): "C" country name,
    /// "D" demonym, "K" capital, "S" US state, "T" city; "B-"/"I-" for the match's first or later token.
    static func gazetteerTags(_ lowers: [String], _ toks: [NERToken]) -> [String?] {
        var out = [String?](repeating: nil, count: lowers.count)
        var i = 0
        while i < lowers.count {
            guard isCapital(toks[i].text), let words = gazetteerFirstWords[lowers[i]] else { i += 1; continue }
            var matched = 0
            var tag = ""
            for len in stride(from: min(4, words, lowers.count - i), through: 1, by: -1) {
                let phrase = lowers[i..<(i + len)].joined(separator: " ")
                if let t = gazetteerClass(phrase) { matched = len; tag = t; break }
            }
            if matched == 0 { i += 1; continue }
            for k in 0..<matched { out[i + k] = (k == 0 ? "B-" : "I-") + tag }
            i += matched
        }
        return out
    }

    /// The first word of every gazetteer name → the most words a name starting with it has: a token that
    /// starts no name is skipped without building phrases (a phrase of tokens can only equal a name whose
    /// text before its first space is the first token, as tokens hold no whitespace).
    static let gazetteerFirstWords: [String: Int] = {
        var out: [String: Int] = [:]
        let tables: [[String: String]] = [CountryAliases.names, Countries.names, CountryAliases.demonyms, Countries.demonyms,
                                          Countries.capitals, Places.usStates, Places.cities]
        for table in tables {
            for key in table.keys {
                let parts = key.split(separator: " ", omittingEmptySubsequences: false)
                out[String(parts[0]), default: 0] = max(out[String(parts[0])] ?? 0, parts.count)
            }
        }
        return out
    }()

    static func gazetteerClass(_ phrase: String) -> String? {
        if CountryAliases.countryCode(name: phrase) != nil { return "C" }
        if CountryAliases.countryCode(demonym: phrase) != nil { return "D" }
        if Countries.capitals[phrase] != nil { return "K" }
        if Places.usStates[phrase] != nil { return "S" }
        if Places.cities[phrase] != nil { return "T" }
        return nil
    }

    /// For tokens of a capitalised run: "org" when the run ends on an organisation word ("Ministry",
    /// "Bank"), "loc" on a place word ("River", "County"), "evt" on an event word; else the run length.
    static func runCues(_ toks: [NERToken], _ lowers: [String]) -> [String?] {
        var out = [String?](repeating: nil, count: toks.count)
        var i = 0
        while i < toks.count {
            guard isCapital(toks[i].text) else { i += 1; continue }
            var j = i + 1
            while j < toks.count, isCapital(toks[j].text) || (EntityLexicon.connectors.contains(lowers[j]) && j + 1 < toks.count && isCapital(toks[j + 1].text)) { j += 1 }
            let last = RuleEntityTagger.bare(lowers[j - 1])
            let cue: String
            if j - i > 1, EntityLexicon.orgSuffixes.contains(last) { cue = "org" }
            else if j - i > 1, EntityLexicon.placeSuffixes.contains(last) { cue = "loc" }
            else if j - i > 1, EntityLexicon.eventSuffixes.contains(last) { cue = "evt" }
            else { cue = "len\(min(j - i, 4))" }
            for k in i..<j { out[k] = cue + (k == i ? "B" : "I") }
            i = j
        }
        return out
    }
}

/// One sentence prepared for the statistical tagger: its tokens and the rule tagger's label per token.
struct NERSentence {
    var text: String
    var tokens: [NERToken]
    /// "PER-B", "ORG-I", ... from the rule-based tagger, or nil.
    var ruleTags: [String?]
    /// Per token, computed once for the features, the rules and the document cues: lower-cased text,
    /// and the longest gazetteer match (`NERFeatures.gazetteerTags`).
    var lowers: [String]
    var gazetteer: [String?]
    /// The sentence is in capitals (`NERFeatures.isShouted`).
    var shouted: Bool

    init(_ text: String) {
        self.text = text
        tokens = NERTokenizer.tokenize(text)
        lowers = tokens.map { $0.text.lowercased() }
        gazetteer = NERFeatures.gazetteerTags(lowers, tokens)
        shouted = NERFeatures.isShouted(tokens)
        ruleTags = [String?](repeating: nil, count: tokens.count)
        // Spans come in text order: one pass over the tokens (linear in long paragraphs).
        var k = 0
        for span in RuleEntityTagger().tagSpans(text).sorted(by: { $0.start < $1.start }) {
            while k > 0, tokens[k - 1].end > span.start { k -= 1 }
            while k < tokens.count, tokens[k].end <= span.start { k += 1 }
            var first = true
            var m = k
            while m < tokens.count, tokens[m].start < span.end {
                ruleTags[m] = span.mention.kind.rawValue + (first ? "-B" : "-I")
                first = false
                m += 1
            }
        }
    }
}

/// Document-wide cues: words seen in lower case, and the case a word has where case is informative
/// (inside a sentence that is not shouted).
struct NERDocument {
    var lowerCase: Set<String> = []
    var casedForm: [String: String] = [:]

    init(_ sentences: [NERSentence]) {
        for s in sentences {
            let shouted = s.shouted
            for (k, t) in s.tokens.enumerated() {
                let l = s.lowers[k]
                if t.text == l { if NERFeatures.isWordy(t.text) { lowerCase.insert(l) } }
                else if !shouted, k > 0, casedForm[l] == nil { casedForm[l] = t.text }
            }
        }
    }
}
