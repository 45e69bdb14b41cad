/// Where the statistical tagger and the gazetteer or the title rules know better, in news text:
/// - an exact country name, demonym, capital or US state left untagged becomes LOC (MISC for a demonym);
/// - an acronym the rule tagger calls an organisation ("NATO") in a sentence that is not in capitals;
/// - a run of title words inside or opening a name is cut out ("Saudi Crown Prince Mohammed bin Salman"
///   → "Saudi" MISC, "Mohammed bin Salman" PER); the title itself is the person's role, not part of the name.
enum NERRuleMerge {
    static func apply(_ s: NERSentence, _ labels: inout [Int], document: NERDocument? = nil) {
        let toks = s.tokens
        let lowers = s.lowers
        splitTitles(toks, lowers, &labels)
        titledNames(toks, lowers, &labels)
        resultsLine(toks, lowers, &labels, document: document)
        let shouted = s.shouted
        // Gazetteer matches on untagged tokens.
        let gaz = s.gazetteer
        var i = 0
        while i < toks.count {
            guard let g = gaz[i], g.hasPrefix("B-") else { i += 1; continue }
            var j = i + 1
            while j < toks.count, let n = gaz[j], n.hasPrefix("I-") { j += 1 }
            if !shouted, (i..<j).allSatisfy({ labels[$0] == NERLabel.outside }),
               j == toks.count || !NERLabel.isInside(labels[j]) {
                let type = g.hasSuffix("D") ? 3 : 2
                labels[i] = NERLabel.begin(type)
                for k in (i + 1)..<j { labels[k] = NERLabel.inside(type) }
            }
            i = j
        }
        // A demonym on its own is MISC by the CoNLL guidelines ("Japanese", "South Korean").
        for span in NERLabel.spans(labels) where span.type != 3 && span.end - span.start <= 2 {
            if CountryAliases.countryCode(demonym: lowers[span.start..<span.end].joined(separator: " ")) != nil {
                labels[span.start] = NERLabel.begin(3)
                for m in (span.start + 1)..<span.end { labels[m] = NERLabel.inside(3) }
            }
        }
        // Organisation acronyms from the rules.
        guard !shouted else { return }
        for (k, r) in s.ruleTags.enumerated() where r == "ORG-B" && labels[k] == NERLabel.outside
            && (k + 1 == toks.count || s.ruleTags[k + 1] != "ORG-I") && isAcronym(toks[k].text)
            && (k + 1 == toks.count || !NERLabel.isInside(labels[k + 1])) {
            labels[k] = NERLabel.begin(1)
        }
    }

    /// A span right after a title: leading title words inside it are cut ("Minister of | Defense Benny Gantz"
    /// → "Benny Gantz"), and a name of two or more words after a title head is a person.
    static func titledNames(_ toks: [NERToken], _ lowers: [String], _ labels: inout [Int]) {
        for span in NERLabel.spans(labels) where span.start > 0 {
            guard EntityLexicon.roleWords.contains(RuleEntityTagger.bare(lowers[span.start - 1])) else { continue }
            var a = span.start
            while a < span.end - 1, EntityLexicon.roleWords.contains(RuleEntityTagger.bare(lowers[a])) { a += 1 }
            let type = NERLabel.type(labels[span.start])!
            for m in span.start..<a { labels[m] = NERLabel.outside }
            let name = lowers[a..<span.end].joined(separator: " ")
            let known = NERFeatures.gazetteerClass(name) != nil
            let titled = RoleFinder.role(before: a, toks, []) != nil
            let t = !known && titled && span.end - a >= 2 && type != 1 ? 0 : type
            labels[a] = NERLabel.begin(t)
            for m in (a + 1)..<span.end { labels[m] = NERLabel.inside(t) }
        }
    }

    /// Share of number tokens from which a line is a results or standings line ("Leicester 3 Chelsea 1").
    static let resultsLineNumberShare = 0.3

    /// In a results line a name followed directly by a score is a team, an organisation by the CoNLL
    /// guidelines, unless it is a country (national sides stay places) or the tagger saw a person.
    static func resultsLine(_ toks: [NERToken], _ lowers: [String], _ labels: inout [Int], document: NERDocument?) {
        guard toks.count >= 4 else { return }
        func isNumber(_ t: NERToken) -> Bool { t.text.unicodeScalars.contains { $0.value >= 48 && $0.value <= 57 } && !t.text.unicodeScalars.contains { ScalarClass.isAlphabetic($0) } }
        let numbers = toks.filter(isNumber).count
        guard Double(numbers) >= resultsLineNumberShare * Double(toks.count) else { return }
        var i = 0
        while i < toks.count {
            guard NERFeatures.isCapital(toks[i].text), NERFeatures.isWordy(toks[i].text) else { i += 1; continue }
            var j = i + 1
            while j < toks.count, NERFeatures.isCapital(toks[j].text), NERFeatures.isWordy(toks[j].text) { j += 1 }
            defer { i = j }
            guard j < toks.count, isNumber(toks[j]), j - i <= 3 else { continue }
            // Column heads and common words ("Net", "Sales", "Third", "I"): one letter, a stopword, or a
            // word the document also writes in lower case.
            if j - i == 1, toks[i].text.unicodeScalars.count < 2 || Stopwords.english.contains(lowers[i])
                || TimeLexicon.ordinals[lowers[i]] != nil || document?.lowerCase.contains(lowers[i]) == true { continue }
            let types = Set((i..<j).map { NERLabel.type(labels[$0]) })
            if types.contains(0) { continue }
            if CountryAliases.countryCode(name: lowers[i..<j].joined(separator: " ")) != nil { continue }
            // Keep spans that reach outside the run as they are.
            if NERLabel.isInside(labels[i]) || (j < toks.count && NERLabel.isInside(labels[j])) { continue }
            labels[i] = NERLabel.begin(1)
            for m in (i + 1)..<j { labels[m] = NERLabel.inside(1) }
        }
    }

    static func isAcronym(_ w: String) -> Bool {
        let letters = w.unicodeScalars.filter { ScalarClass.isAlphabetic($0) }
        return (2...RuleEntityTagger.maximumAcronymLength).contains(letters.count) && letters.allSatisfy { ScalarClass.isUppercase($0) }
    }

    /// Cuts capitalised title runs that end on a title head out of spans; the rest after the title is a person.
    static func splitTitles(_ toks: [NERToken], _ lowers: [String], _ labels: inout [Int]) {
        // Title words closing a span ("Saudi Crown" before "Prince Mohammed"): cut off; a demonym left alone is MISC.
        for span in NERLabel.spans(labels) where span.end - span.start >= 2 {
            var e = span.end
            while e > span.start + 1, EntityLexicon.roleWords.contains(RuleEntityTagger.bare(lowers[e - 1])), lowers[e - 1] != "of",
                  e == span.end ? (e < toks.count && EntityLexicon.roleWords.contains(RuleEntityTagger.bare(lowers[e])) || EntityLexicon.roleHeads.contains(RuleEntityTagger.bare(lowers[e - 1]))) : true {
                e -= 1
            }
            guard e < span.end else { continue }
            for m in e..<span.end { labels[m] = NERLabel.outside }
            if CountryAliases.countryCode(demonym: lowers[span.start..<e].joined(separator: " ")) != nil {
                labels[span.start] = NERLabel.begin(3)
                for m in (span.start + 1)..<e { labels[m] = NERLabel.inside(3) }
            }
        }
        for span in NERLabel.spans(labels) {
            var k = span.start
            while k < span.end {
                guard NERFeatures.isCapital(toks[k].text), EntityLexicon.roleWords.contains(RuleEntityTagger.bare(lowers[k])),
                      lowers[k] != "of" else { k += 1; continue }
                var j = k, lastHead = -1
                while j < span.end, EntityLexicon.roleWords.contains(RuleEntityTagger.bare(lowers[j])) {
                    if EntityLexicon.roleHeads.contains(RuleEntityTagger.bare(lowers[j])) { lastHead = j }
                    j += 1
                }
                // Only a title followed by a name inside the span, and not a name that is a title as a whole.
                guard lastHead >= 0, lastHead + 1 < span.end, NERFeatures.isCapital(toks[lastHead + 1].text) else { k += 1; continue }
                if k > span.start {
                    let before = NERLabel.type(labels[span.start])!
                    let isDemonym = (span.start..<k).count <= 2 && CountryAliases.countryCode(demonym: lowers[span.start..<k].joined(separator: " ")) != nil
                    let t = isDemonym ? 3 : before
                    labels[span.start] = NERLabel.begin(t)
                    for m in (span.start + 1)..<k { labels[m] = NERLabel.inside(t) }
                }
                for m in k...lastHead { labels[m] = NERLabel.outside }
                labels[lastHead + 1] = NERLabel.begin(0)
                for m in (lastHead + 2)..<span.end { labels[m] = NERLabel.inside(0) }
                break
            }
        }
    }
}
