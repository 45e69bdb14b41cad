import DeskModel
import Foundation

/// Finds named entities (PER, ORG, LOC, MISC) and gives each a normalised key.
///
/// Spans and types come from a structured perceptron (`PerceptronModel`, trained on wikigold by
/// `updesk train-ner`, shipped as `Resources/ner-perceptron.bin`) whose features include the country
/// gazetteer and the rule tagger's guess (`RuleEntityTagger`); keys come from the gazetteer ("country:IL"
/// for "Israel" and "Israeli", "capital:JP" for "Tokyo") or the normalised name. Without the model file
/// the rule tagger is used alone.
public struct EntityTagger: Sendable {
    public init() {}

    /// The shipped model, loaded once (nil when the resource is missing or unreadable). `UPDESK_NER_MODEL`
    /// names another model file (to score a freshly trained one without rebuilding).
    static let model: PerceptronModel? = {
        let override = ProcessInfo.processInfo.environment["UPDESK_NER_MODEL"].map { URL(fileURLWithPath: $0) }
        guard let url = override ?? Bundle.module.url(forResource: "ner-perceptron", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? PerceptronModel.load(data)
    }()

    /// Whether labels are made consistent across a document; `UPDESK_NER_NO_CONSISTENCY` turns it off (to
    /// measure what it adds). Read once: the environment is a dictionary built afresh on every read.
    static let documentConsistency = ProcessInfo.processInfo.environment["UPDESK_NER_NO_CONSISTENCY"] == nil

    public func tag(_ sentence: String) -> [EntityMention] {
        tagSpans(sentence).map(\.mention)
    }

    /// Entities of each sentence of one document (document-wide case cues help with headlines in capitals).
    public func tagDocument(_ sentences: [String]) -> [[EntityMention]] {
        tagDocumentSpans(sentences).map { $0.map(\.mention) }
    }

    func tagSpans(_ sentence: String) -> [RuleEntityTagger.Tagged] {
        tagDocumentSpans([sentence])[0]
    }

    func tagDocumentSpans(_ sentences: [String]) -> [[RuleEntityTagger.Tagged]] {
        guard let model = Self.model else { return sentences.map { RuleEntityTagger().tagSpans($0) } }
        let prepared = sentences.map(NERSentence.init)
        let doc = NERDocument(prepared)
        var labels = prepared.map { s in
            var ls = model.decode(NERFeatures.extract(s, document: doc), open: NERConstraints.allowed(s.tokens))
            NERConstraints.splitAtTitles(s.tokens, &ls)
            NERRuleMerge.apply(s, &ls, document: doc)
            NERConstraints.datelines(s.tokens, &ls)
            return ls
        }
        if Self.documentConsistency { DocumentConsistency.apply(prepared, &labels) }
        return zip(prepared, labels).map { s, labels in
            let scalars = Array(s.text.unicodeScalars)
            var tagged = NERLabel.spans(labels).map { span in
                let start = s.tokens[span.start].start, end = s.tokens[span.end - 1].end
                let text = ScalarTokenizer.slice(scalars, start, end)
                var mention = Self.mention(text, kind: NERLabel.types[span.type])
                if mention.kind == .person, let r = RoleFinder.role(before: span.start, s.tokens, scalars) {
                    mention.role = r.role
                    mention.roleQualifier = r.qualifier
                }
                return RuleEntityTagger.Tagged(mention: mention, start: start, end: end)
            }
            CapitalMetonymy.apply(&tagged, scalars: scalars)
            return tagged
        }
    }

    /// A mention with its key: gazetteer keys for countries, demonyms, capitals and known places;
    /// otherwise the normalised name.
    static func mention(_ text: String, kind: EntityMention.Kind) -> EntityMention {
        let lower = text.lowercased()
        let bare = lower.hasPrefix("the ") ? String(lower.dropFirst(4)) : lower
        if let code = CountryAliases.countryCode(name: bare) { return EntityMention(text: text, kind: kind, key: "country:" + code) }
        if let code = CountryAliases.countryCode(demonym: bare) { return EntityMention(text: text, kind: kind, key: "country:" + code) }
        if kind != .person, let code = Countries.capitals[bare] { return EntityMention(text: text, kind: kind, key: "capital:" + code) }
        if kind != .person, let key = Places.key(bare) { return EntityMention(text: text, kind: kind, key: key) }
        switch kind {
        case .person: return EntityMention(text: text, kind: kind, key: RuleEntityTagger.personKey(text.replacingOccurrences(of: ".", with: "")))
        case .organization: return EntityMention(text: text, kind: kind, key: RuleEntityTagger.orgKey(lower.split(separator: " ").map(String.init)))
        default: return EntityMention(text: text, kind: kind, key: RuleEntityTagger.nameKey(text))
        }
    }
}
