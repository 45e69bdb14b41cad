import Dispatch
import DeskExtract
import DeskModel

/// One batch being extracted and analysed off the calling thread, so that the caller can place and store the
/// batch before it meanwhile (a two-stage pipeline: the analysis of batch N+1 overlaps the serial placement of
/// batch N). `wait()` returns the analysed articles in the batch's order.
final class BackgroundBatch: @unchecked Sendable {
    let documents: [RawDocument]
    private let done = DispatchSemaphore(value: 0)
    // Written once by the background job before it signals `done`, read only after `wait()`.
    private var result: [AnalyzedArticle] = []
    private var waited = false

    init(_ documents: [RawDocument], analyze: @escaping @Sendable ([RawDocument]) -> [AnalyzedArticle]) {
        self.documents = documents
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = analyze(documents)
            done.signal()
        }
    }

    /// Blocks until the analysis is done (at most once; later calls return the same result).
    func wait() -> [AnalyzedArticle] {
        if !waited {
            done.wait()
            waited = true
        }
        return result
    }
}
