/// Abbreviations the sentence splitter must not treat as sentence ends (lower-cased, without the period).
enum Abbreviations {
    /// Always followed by more of the sentence: titles before names ("Mr. Smith", "Gen. Milley").
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
        "capt", "cpt", "sgt", "maj", "adm", "cmdr", "cdr", "rev", "fr", "hon", "pres", "supt", "det", "insp", "st",
        "mt", "ft", "blvd", "atty", "amb", "brig", "cpl", "pvt", "msgr", "sec", "vs", "v", "rt", "hon",
    ]
    /// Followed by a number when not at the end ("No. 10", "Sept. 27", "Art. 5", "p. 12").
    static let beforeNumbers: Set<String> = [
        "no", "nos", "nr", "art", "p", "pp", "vol", "ch", "sec", "fig", "figs", "op", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ca", "tel", "ext", "para", "pt",
    ]
    /// May end a sentence or not ("Apple Inc. said" / "... shares of Apple Inc. The stock ...").
    static let mayEnd: Set<String> = [
        "inc", "corp", "ltd", "co", "plc", "llc", "bros", "dept", "univ", "assn", "etc", "al", "jr", "sr",
        "est", "govt", "intl", "mfg", "div", "cos", "ave", "ph",
    ]
    /// Capitalised words that commonly open a sentence: after an ambiguous abbreviation ("U.S.", "Inc.",
    /// "a.m.") the splitter only breaks before one of these.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "but", "and", "or", "so", "yet", "in", "on", "at", "for", "from", "with", "by", "after", "before", "when",
        "while", "if", "as", "since", "although", "though", "however", "meanwhile", "still", "also", "then", "now",
        "his", "her", "its", "their", "our", "my", "your", "what", "who", "how", "why", "where", "some", "many",
        "most", "no", "not", "one", "both", "all", "each", "other", "another", "last", "next", "earlier", "later",
        "asked", "according", "despite", "during", "under", "until", "to", "officials", "analysts", "critics",
    ]
}
