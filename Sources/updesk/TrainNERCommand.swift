import ArgumentParser
import DeskLanguage
import Foundation

struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Rebuild the entity model (Sources/DeskLanguage/Resources/ner-perceptron.bin) from CoNLL-format data.",
        discussion: """
        The shipped model is trained on wikigold (CC BY 4.0), deterministically:
          updesk train-ner --data ../shared/eval/ner/wikigold/wikigold.conll.txt --out Sources/DeskLanguage/Resources/ner-perceptron.bin
        Score it on data it was not trained on (CoNLL-2003 dev): updesk eval ner --data ../shared/eval/ner/conll2003
        (rebuild first: the model is a resource of the DeskLanguage target). Never ship a model trained on
        CoNLL-2003 (research-only licence).
        """
    )

    @Option(help: "CoNLL-format training file(s) (token ... tag per line), comma-separated.")
    var data: String

    @Option(help: "Where to write the model file.")
    var out: String

    @Option(help: "Passes over the training data.")
    var epochs: Int = NERTraining.defaultEpochs

    func run() throws {
        let files = data.split(separator: ",").map { URL(fileURLWithPath: String($0)) }
        let model = try NERTraining.train(files: files, epochs: epochs) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        try model.write(to: URL(fileURLWithPath: out))
        print("wrote \(out) (\(model.count) bytes)")
    }
}
