import Foundation

/// Small stopword lists for guessing a scrape's language and measuring how prose-like a line is
/// (jusText's stopword-density signal). Only the most frequent function words of each language:
/// enough to tell prose from menus, cheap to carry.
enum ScrapeLanguage {
    static let stopwords: [String: Set<String>] = [
        "en": ["the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was",
               "are", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he", "she", "they",
               "we", "you", "his", "her", "their", "our", "not", "which", "who", "will", "would", "can", "could", "said", "after",
               "about", "into", "than", "then", "there", "also", "more", "if", "so", "what", "when", "i", "do", "did", "does", "all"],
        "es": ["el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "para", "con", "un", "una", "es", "se", "su", "al",
               "lo", "como", "más", "pero", "sus", "le", "ha", "fue", "este", "esta", "entre", "cuando", "muy", "sin", "sobre"],
        "pt": ["o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "nos", "nas", "que", "por", "para",
               "com", "um", "uma", "é", "se", "seu", "sua", "ao", "mais", "mas", "foi", "como", "não", "ele", "ela", "pelo", "pela"],
        "fr": ["le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "que", "qui", "pour", "dans", "sur", "par", "au",
               "aux", "avec", "est", "il", "elle", "ne", "pas", "plus", "ce", "cette", "son", "sa", "ses", "été", "a", "mais"],
        "de": ["der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "ist", "im", "dem",
               "nicht", "ein", "eine", "als", "auch", "es", "an", "er", "sie", "wird", "bei", "nach", "aus", "wie", "über", "hat"],
        "it": ["il", "lo", "la", "i", "gli", "le", "di", "del", "della", "e", "in", "che", "per", "con", "un", "una", "è", "non",
               "si", "da", "al", "alla", "dei", "delle", "sono", "ha", "come", "più", "ma", "anche", "nel", "nella"],
        "nl": ["de", "het", "een", "en", "van", "in", "is", "op", "te", "dat", "die", "voor", "met", "zijn", "niet", "aan",
               "er", "om", "ook", "als", "bij", "door", "maar", "naar", "heeft", "werd", "wordt"],
        "id": ["yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "dalam", "akan", "pada", "juga",
               "ada", "oleh", "atau", "karena", "bahwa", "mereka", "sudah", "kami", "kita", "adalah", "saat"],
        "ru": ["и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но",
               "по", "к", "у", "из", "за", "от", "о", "это", "для", "бы", "был", "была", "были", "при", "же", "также"],
    ]

    /// A guess needs at least this many stopword hits and this share of all words: below that the page is too
    /// short or not in a listed language (values chosen so a menu-only page yields nil, an article page does not; recipe and list pages sit near 0.1).
    static let minimumHits = 20
    static let minimumShare = 0.08
    /// Lines shorter than this (menu items, labels) do not vote.
    static let minimumLineWords = 8

    /// The language whose stopwords cover the most words of the text, if any covers enough of it.
    static func guess(_ text: String) -> String? {
        // Only sentence-sized lines vote: menus and link lists would dilute the share.
        let words = text.split(separator: "\n").map { ScrapeLine.words(String($0)) }.filter { $0.count >= minimumLineWords }.flatMap { $0 }
        guard !words.isEmpty else { return nil }
        var best: (String, Int)?
        for (code, list) in stopwords {
            let hits = words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
            if best == nil || hits > best!.1 { best = (code, hits) }
        }
        guard let (code, hits) = best, hits >= minimumHits, Double(hits) / Double(words.count) >= minimumShare else { return nil }
        return code
    }
}
