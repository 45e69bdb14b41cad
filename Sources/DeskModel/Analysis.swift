import Foundation

/// A time expression found in text, normalised in the TimeML TIMEX3 convention.
public struct TimeRef: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case date = "DATE", time = "TIME", duration = "DURATION", set = "SET" }
    public var text: String
    /// Character offsets (Unicode scalars) into the sentence text; end exclusive.
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// TIMEX3 value: "2022-11-28", "2022-W47", "2023", "PT5H", "PRESENT_REF", "XXXX-09-27" when unanchored.
    public var value: String
    public init(text: String, start: Int, end: Int, kind: Kind, value: String) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
    }
}

/// A named entity mention.
public struct EntityMention: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case person = "PER", organization = "ORG", place = "LOC", other = "MISC" }
    public var text: String
    public var kind: Kind
    /// Normalised key that links mentions of one entity ("israel" for "Israeli").
    public var key: String
    /// The role the text gives a person right before the name ("Israeli Prime Minister"), if any.
    public var role: String?
    /// "then" or "former" when the role is time-bound ("then-Prime Minister Yair Lapid"); nil otherwise.
    public var roleQualifier: String?
    public init(text: String, kind: Kind, key: String, role: String? = nil, roleQualifier: String? = nil) {
        self.text = text
        self.kind = kind
        self.key = key
        self.role = role
        self.roleQualifier = roleQualifier
    }
}

/// A quotation and who said it.
public struct Quote: Codable, Sendable, Hashable {
    /// The quoted words, without the quotation marks (several sentences when the quote runs on).
    public var text: String
    /// The speaker as written ("Netanyahu", "he", "the ministry"), nil when the text does not say.
    public var speaker: String?
    /// The key of the entity the speaker resolves to ("benjamin netanyahu"), when known.
    public var speakerKey: String?
    public init(text: String, speaker: String? = nil, speakerKey: String? = nil) {
        self.text = text
        self.speaker = speaker
        self.speakerKey = speakerKey
    }
}

/// A number in the text with its unit and what it counts ("death toll rises to 11": 11, counts "death toll").
public struct NumberMention: Codable, Sendable, Hashable {
    public var text: String
    /// Unicode-scalar offsets into the sentence; end exclusive.
    public var start: Int
    public var end: Int
    public var value: Double
    /// "USD", "EUR", "GBP", "%", or a unit word as written in the singular ("km", "ton"); nil for a bare count.
    public var unit: String?
    /// What is counted or measured ("people", "death toll", "attack drones"), when the text says.
    public var counts: String?
    public init(text: String, start: Int, end: Int, value: Double, unit: String? = nil, counts: String? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.counts = counts
    }
}

/// One sentence of an article with what the language stage found in it.
public struct Sentence: Codable, Sendable, Hashable {
    public var index: Int
    public var paragraph: Int
    public var text: String
    public var times: [TimeRef]
    public var entities: [EntityMention]
    /// Normalised content terms (lower-cased stems, stopwords dropped), computed once by the analyze stage
    /// for every later use (story vectors, novelty).
    public var terms: [String]
    /// Quotations that end in this sentence (nil when none; optional so older records decode).
    public var quotes: [Quote]?
    /// Numbers with their units (nil when none).
    public var numbers: [NumberMention]?
    public init(index: Int, paragraph: Int, text: String, times: [TimeRef] = [], entities: [EntityMention] = [],
                terms: [String] = [], quotes: [Quote]? = nil, numbers: [NumberMention]? = nil) {
        self.quotes = quotes
        self.numbers = numbers
        self.index = index
        self.paragraph = paragraph
        self.text = text
        self.times = times
        self.entities = entities
        self.terms = terms
    }
}

/// An article after the analyze stage.
public struct AnalyzedArticle: Codable, Sendable, Hashable {
    public var article: Article
    public var sentences: [Sentence]
    /// Content terms of the headline (the sentences carry their own).
    public var titleTerms: [String]
    public init(article: Article, sentences: [Sentence], titleTerms: [String] = []) {
        self.article = article
        self.sentences = sentences
        self.titleTerms = titleTerms
    }

    /// The mentions the entity index keeps for this article (those with a key, in text order): stored with the
    /// article when it is placed, so the web desk never analyses an article a second time to index it.
    public var indexedEntities: [EntityMention] {
        sentences.flatMap(\.entities).filter { !$0.key.isEmpty }
    }
}
