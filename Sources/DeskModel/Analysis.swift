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
    public init(text: String, kind: Kind, key: String) {
        self.text = text
        self.kind = kind
        self.key = key
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
    public init(index: Int, paragraph: Int, text: String, times: [TimeRef] = [], entities: [EntityMention] = [],
                terms: [String] = []) {
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
}
