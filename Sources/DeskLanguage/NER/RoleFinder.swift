import DeskModel

/// The role a text gives a person right before the name: "Israeli Prime Minister Benjamin Netanyahu" →
/// "Israeli Prime Minister"; "his Japanese counterpart Fumio Kishida" → "Japanese counterpart";
/// "then-Prime Minister Yair Lapid" → "Prime Minister", qualifier "then"; "former President ..." → "former".
enum RoleFinder {
    static let heads: Set<String> = EntityLexicon.roleHeads.union(["counterpart", "predecessor", "successor", "rival", "ally"])

    static func role(before start: Int, _ tokens: [NERToken], _ text: [Unicode.Scalar]) -> (role: String, qualifier: String?)? {
        var k = start - 1
        var first = start, lastHead = -1
        while k >= 0 {
            let w = RuleEntityTagger.bare(tokens[k].text.lowercased())
            guard EntityLexicon.roleWords.contains(w) || heads.contains(w) else { break }
            if heads.contains(w), lastHead < 0 { lastHead = k }
            if w == "of", k > 0, !EntityLexicon.roleWords.contains(RuleEntityTagger.bare(tokens[k - 1].text.lowercased())) { break }
            first = k
            k -= 1
        }
        guard lastHead >= 0, lastHead == start - 1 || tokens[(lastHead + 1)..<start].allSatisfy({ EntityLexicon.roleWords.contains($0.text.lowercased()) }) else { return nil }
        // A demonym or country before the title belongs to the role ("Israeli Prime Minister").
        if first > 0, CountryAliases.countryCode(demonym: tokens[first - 1].text.lowercased()) != nil
            || CountryAliases.countryCode(name: tokens[first - 1].text.lowercased()) != nil {
            first -= 1
        }
        var qualifier: String?
        var roleStart = first
        if tokens[first].text.lowercased() == "former" { qualifier = "former"; roleStart = first + 1 }
        var q = first - 1
        if q >= 0, tokens[q].text == "-" { q -= 1 }
        if q >= 0, let w = Optional(tokens[q].text.lowercased()), w == "then" || w == "ex" || w == "former" {
            qualifier = w == "then" ? "then" : "former"
        }
        guard roleStart < start else { return nil }
        guard !text.isEmpty else { return ("", qualifier) }
        let role = ScalarTokenizer.slice(text, tokens[roleStart].start, tokens[start - 1].end)
        return (role, qualifier)
    }
}
