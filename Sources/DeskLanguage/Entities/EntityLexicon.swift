/// Word lists of the rule-based entity tagger (lower-cased).
enum EntityLexicon {
    /// Titles and role words that may precede a person's name ("Prime Minister", "Foreign Minister").
    static let roleWords: Set<String> = [
        "president", "prime", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope",
        "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "gen", "general", "col", "colonel",
        "lt", "lieutenant", "capt", "captain", "adm", "admiral", "sgt", "sergeant", "mr", "mrs", "ms", "dr", "prof",
        "professor", "judge", "justice", "chief", "executive", "ceo", "chairman", "chairwoman", "director",
        "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "foreign", "defense", "defence", "finance",
        "interior", "deputy", "vice", "acting", "former", "commander", "sheikh", "emir", "crown", "premier", "leader",
        "coach", "rev", "reverend", "bishop", "cardinal", "archbishop", "speaker", "attorney", "state", "affairs",
        "of", "health", "economy", "trade", "opposition", "supreme", "major", "maj", "sir", "dame", "lord", "lady",
        "sultan", "ayatollah", "rabbi", "imam", "father", "sister", "brother", "officer", "minority", "majority",
        "national", "security", "adviser", "advisor", "first", "engineer", "coroner", "inspector", "detective",
        "constable", "sheriff", "superintendent", "councillor", "councilman", "councilwoman", "alderman",
        "treasurer", "auditor", "commissioner", "president-elect", "chief", "anchor", "correspondent",
    ]
    /// Role words that can end a title ("Prime Minister" yes, "Prime" no).
    static let roleHeads: Set<String> = [
        "president", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope", "sen",
        "senator", "rep", "representative", "gov", "governor", "mayor", "gen", "general", "col", "colonel", "lt",
        "lieutenant", "capt", "captain", "adm", "admiral", "sgt", "sergeant", "mr", "mrs", "ms", "dr", "prof",
        "professor", "judge", "justice", "ceo", "chairman", "chairwoman", "director", "spokesman", "spokeswoman",
        "spokesperson", "ambassador", "envoy", "commander", "sheikh", "emir", "premier", "leader", "coach", "rev",
        "reverend", "bishop", "cardinal", "archbishop", "speaker", "state", "affairs", "maj", "sir", "dame", "lord",
        "lady", "sultan", "ayatollah", "rabbi", "imam", "father", "sister", "officer", "adviser", "advisor",
        "engineer", "coroner", "inspector", "detective", "constable", "sheriff", "superintendent", "councillor",
        "councilman", "councilwoman", "alderman", "treasurer", "auditor", "commissioner", "president-elect",
        "correspondent",
    ]

    /// Last words of organisation names.
    static let orgSuffixes: Set<String> = [
        "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "ag", "gmbh", "sa", "group", "holdings",
        "industries", "ministry", "party", "university", "agency", "bank", "council", "committee", "commission",
        "association", "institute", "foundation", "court", "army", "forces", "union", "organization",
        "organisation", "department", "office", "times", "post", "news", "airlines", "airways", "motors",
        "network", "federation", "league", "fund", "parliament", "congress", "senate", "police", "navy", "force",
        "authority", "board", "service", "services", "center", "centre", "hospital", "school", "college", "club",
        "media", "press", "agency", "bureau", "cabinet", "assembly", "guard", "corps", "brigade", "brigades",
        "movement", "front", "alliance", "coalition", "team", "fc", "systems", "technologies", "electronics",
        "energy", "pharmaceuticals", "partners", "capital", "securities", "exchange", "reserve", "journal",
        "tribune", "herald", "broadcasting", "television", "radio", "church", "society", "academy", "laboratory",
        "laboratories", "labs", "initiative", "trust", "administration", "directorate", "secretariat", "knesset",
        "duma", "diet", "command", "nations", "railroad", "railway", "railways", "records", "studios", "pictures", "band",
        "orchestra", "choir", "police", "fbi", "cia",
    ]
    /// First words of organisation names ("Ministry of Defense", "University of Tokyo", "Bank of Japan").
    static let orgHeads: Set<String> = [
        "ministry", "university", "bank", "department", "office", "council", "committee", "commission", "institute",
        "federation", "league", "organization", "organisation", "union", "house", "court", "church", "party",
        "agency", "board", "bureau", "college", "academy",
    ]
    /// Last words of place names.
    static let placeSuffixes: Set<String> = [
        "river", "sea", "ocean", "island", "islands", "mountains", "mountain", "street", "province", "city", "strait",
        "gulf", "valley", "peninsula", "county", "region", "lake", "bay", "desert", "coast", "square", "avenue",
        "district", "heights", "strip", "bank", "canal", "airport", "port", "hills", "state", "road", "hall",
        "parish", "park", "station", "bridge", "tower", "palace", "castle", "stadium", "arena", "oval", "beach",
        "harbor", "harbour", "township", "borough", "village", "forest", "falls", "prefecture", "oblast", "territory",
    ]
    /// First words of place names ("New York", "San Diego", "Fort Worth").
    static let placePrefixes: Set<String> = [
        "new", "san", "santa", "los", "las", "saint", "st.", "fort", "port", "mount", "mt.", "lake", "cape", "north",
        "south", "east", "west", "upper", "lower", "greater", "rio", "sao", "el", "al", "la", "le", "puerto",
    ]
    /// Last words of event and work names ("World Cup", "US Open", "Nobel Prize").
    static let eventSuffixes: Set<String> = [
        "cup", "open", "championship", "championships", "games", "olympics", "award", "awards", "prize", "war",
        "festival", "tournament", "trophy", "series", "bowl", "grand", "prix", "summit", "conference", "act", "treaty",
        "accord", "accords", "agreement", "plan", "day", "week", "year", "album", "show",
    ]

    /// Capitalised abbreviations that are not entities (time zones, units, common initialisms).
    static let nonEntities: Set<String> = [
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "am", "pm",
        "a.m.", "p.m.", "tv", "ok", "ceo", "cfo", "coo", "gdp", "km", "mph", "ad", "bc", "ph.d.", "i", "ii", "iii",
    ]
    /// Legal-form words left out of organisation keys ("Apple Inc." and "Apple" share the key "apple").
    static let legalForms: Set<String> = ["inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "sa", "s.a.", "gmbh", "nv", "n.v.", "corporation", "limited"]

    /// Prepositions that make an unknown name a place ("in Leicester", "at Headingley").
    static let placePrepositions: Set<String> = [
        "in", "at", "near", "into", "across", "outside", "inside", "towards", "toward", "via", "throughout",
        "northern", "southern", "eastern", "western", "central", "downtown", "suburban",
    ]
    /// Verbs after which a single unknown name is a person ("Shearer said").
    static let reportingVerbs: Set<String> = [
        "said", "says", "told", "added", "wrote", "argued", "explained", "noted", "insisted", "stressed",
        "recalled", "admitted", "acknowledged", "warned", "asked", "replied", "testified", "tweeted",
    ]

    /// Lower-case words allowed inside a name ("Bank of Japan", "Leonardo da Vinci").
    static let connectors: Set<String> = ["of", "the", "for", "de", "da", "del", "der", "van", "von", "bin", "al", "el", "la", "le", "du", "di", "dos", "y", "&"]

    /// Capitalised words that are not names when they open a sentence (besides stopwords).
    static let commonSentenceStarts: Set<String> = [
        "on", "in", "at", "for", "from", "with", "by", "after", "before", "during", "since", "until", "while",
        "when", "as", "but", "and", "or", "yet", "so", "because", "although", "though", "however", "meanwhile",
        "still", "also", "then", "now", "today", "yesterday", "tomorrow", "last", "next", "earlier", "later",
        "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we", "i", "you",
        "his", "her", "their", "our", "my", "your", "some", "many", "most", "several", "few", "all", "both", "each",
        "every", "no", "not", "one", "two", "three", "other", "another", "such", "what", "who", "why", "how",
        "where", "which", "if", "unless", "despite", "according", "under", "over", "amid", "among", "between",
        "officials", "police", "authorities", "analysts", "experts", "critics", "residents", "protesters",
        "witnesses", "lawmakers", "investigators", "prosecutors", "troops", "soldiers", "people", "reports",
        "sources", "asked", "speaking", "writing", "following", "throughout", "instead", "indeed", "overall",
        "separately", "nevertheless", "nonetheless", "similarly", "finally", "first", "second", "third", "once",
        "even", "only", "just", "about", "around", "nearly", "almost", "more", "less", "much", "very", "well",
        "so", "thus", "hence", "therefore", "instead", "rather", "perhaps", "maybe", "already", "again", "yes",
        "thanks", "like", "unlike", "without", "within", "against", "toward", "towards", "into", "onto", "upon",
        "through", "across", "behind", "beyond", "near", "outside", "inside", "above", "below", "up", "down",
        "do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might",
        "must", "has", "have", "had", "let", "please", "read", "watch", "see", "click", "photo", "video", "update",
        "breaking", "exclusive", "opinion", "analysis", "editorial",
    ]
}
