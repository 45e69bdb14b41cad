import Foundation

/// Rebuilds the shipped entity model from CoNLL-format training data (`updesk train-ner`).
public enum NERTraining {
    /// Passes over the training data; more passes stopped improving wikigold-trained CoNLL dev F1.
    public static let defaultEpochs = 12
    /// Every n-th training sentence is also given in capitals, so headlines in capitals are seen in training.
    static let shoutedCopyEvery = 4

    /// Trains on the documents of CoNLL-format files and returns the model file.
    public static func train(files: [URL], epochs: Int = defaultEpochs, log: (String) -> Void = { _ in }) throws -> Data {
        var examples: [PerceptronTrainer.Example] = []
        for file in files {
            for doc in try NERCorpus.read(file) {
                examples += NERTraining.examples(doc)
                var counter = 0
                let shouted = doc.compactMap { s -> NERCorpus.Sentence? in
                    counter += 1
                    let upper = s.text.uppercased()
                    // A shouted copy keeps its offsets only when upper-casing keeps the scalar count.
                    guard counter % shoutedCopyEvery == 0, upper.unicodeScalars.count == s.text.unicodeScalars.count else { return nil }
                    return NERCorpus.Sentence(text: upper, entities: s.entities)
                }
                examples += NERTraining.examples(shouted, document: doc)
            }
        }
        log("training on \(examples.count) sentences, \(examples.reduce(0) { $0 + $1.gold.count }) tokens")
        let model = PerceptronTrainer.train(examples, epochs: epochs) { epoch, errors in log("epoch \(epoch): \(errors) token errors") }
        log("model: \(model.index.count) features")
        return model.serialized()
    }

    static func examples(_ sentences: [NERCorpus.Sentence], document: [NERCorpus.Sentence]? = nil) -> [PerceptronTrainer.Example] {
        let prepared = sentences.map { NERSentence($0.text) }
        let doc = NERDocument((document ?? sentences).map { NERSentence($0.text) })
        return zip(sentences, prepared).map { s, p in
            let open = NERConstraints.allowed(p.tokens)
            var gold = NERCorpus.labels(p.tokens, s.entities)
            // Gold labels the constraints cannot produce are moved to what they can ("Windows 95" → "Windows").
            for k in gold.indices where !open[k] { gold[k] = NERLabel.outside }
            for k in gold.indices where NERLabel.isInside(gold[k]) && (k == 0 || !NERLabel.allowed(from: gold[k - 1], to: gold[k])) {
                gold[k] = NERLabel.begin(NERLabel.type(gold[k])!)
            }
            return PerceptronTrainer.Example(features: NERFeatures.extract(p, document: doc), gold: gold, open: open)
        }
    }
}
