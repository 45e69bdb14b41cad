import DeskExtract
import DeskLanguage
import DeskModel
import DeskStore
import DeskTracking
import Foundation
import Logging

/// Wires the stages: read → extract → analyze (in parallel, the stages are pure) → place and store (one
/// transaction per document, in arrival order, since placement depends on everything placed before).
///
/// A two-stage pipeline (`AnalysisAhead`): background workers extract and analyse up to `lookahead` documents
/// ahead while the calling thread places and stores them, strictly in arrival order; while the next document's
/// analysis is not ready, the calling thread analyses an unclaimed one itself instead of waiting. So every core
/// works whichever stage is the slower, and documents are placed, committed and acknowledged exactly as without
/// the pipeline.
public final class Ingestor: @unchecked Sendable {
    /// Documents read and analysed ahead of placement. Enough to keep the workers busy through a slow placement
    /// (a large story's first use), few enough that a crash or error loses little work in flight.
    static let lookahead = 64
    /// Progress is reported every this many documents placed.
    static let progressEvery = 64

    let store: any Store
    let extractor = Extractor()
    let analyzer = LanguageAnalyzer()
    public let placer: Placer
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(store: any Store, placer: Placer = Placer(), logger: Logger = Logger(label: "updesk.ingest"),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.placer = placer
        self.logger = logger
        self.clock = clock
    }

    /// Ingests every input under `paths`. Bad inputs are reported and skipped; a store failure (disk full,
    /// read-only) stops the run with everything before it committed and nothing of the failing document.
    /// `acknowledge` is called once per document right after its transaction committed (never before): a caller
    /// that passes the acknowledgement on may promise that the document is stored, whatever happens next.
    public func ingest(paths: [String], progress: ((IngestReport) -> Void)? = nil,
                       acknowledge: ((RawDocument, PlacementOutcome) -> Void)? = nil) throws -> IngestReport {
        var report = IngestReport()
        let ahead = pipeline()
        // Whatever happens, no background analysis outlives the call.
        defer { ahead.close() }
        var failure: (any Error)?
        InputReader().read(paths: paths) { item in
            guard failure == nil else { return }
            switch item {
            case .rejected(let error):
                report.rejected.append(error)
                logger.warning("input rejected", metadata: ["input": "\(error.input)", "reason": "\(error.reason.rawValue)"])
            case .document(let doc):
                for warning in doc.warnings {
                    report.warnings.append("\(doc.origin): \(warning)")
                    logger.notice("input decoded with a fallback", metadata: ["input": "\(doc.origin)", "note": "\(warning)"])
                }
                ahead.submit(doc)
                do {
                    while ahead.pending >= Self.lookahead { try placeNext(ahead, into: &report, progress: progress, acknowledge: acknowledge) }
                } catch { failure = error }
            }
        }
        if let failure { throw failure }
        while ahead.pending > 0 { try placeNext(ahead, into: &report, progress: progress, acknowledge: acknowledge) }
        if report.seen % Self.progressEvery != 0 || report.seen == 0 { progress?(report) }
        return report
    }

    /// Ingests documents already read (a benchmark's stream, a feed's entries), as from files.
    public func ingest(documents: [RawDocument]) throws -> IngestReport {
        var report = IngestReport()
        let ahead = pipeline()
        defer { ahead.close() }
        for doc in documents {
            ahead.submit(doc)
            while ahead.pending >= Self.lookahead { try placeNext(ahead, into: &report, progress: nil, acknowledge: nil) }
        }
        while ahead.pending > 0 { try placeNext(ahead, into: &report, progress: nil, acknowledge: nil) }
        return report
    }

    /// Extraction and analysis ahead of placement: one worker per core but the one placing.
    func pipeline() -> AnalysisAhead<RawDocument, AnalyzedArticle> {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        return AnalysisAhead(workers: workers, lookahead: Self.lookahead) { [extractor, analyzer] doc in
            Self.analyze(extractor.extract(doc), analyzer: analyzer)
        }
    }

    /// Places and stores the next document in arrival order, acknowledging it after its commit.
    func placeNext(_ ahead: AnalysisAhead<RawDocument, AnalyzedArticle>, into report: inout IngestReport,
                   progress: ((IngestReport) -> Void)?, acknowledge: ((RawDocument, PlacementOutcome) -> Void)?) throws {
        let (doc, analyzed) = ahead.next()
        let outcome = try place(analyzed)
        report.record(outcome)
        acknowledge?(doc, outcome)
        logger.debug("placed", metadata: ["doc": "\(doc.id)", "action": "\(outcome.action.rawValue)",
                                           "story": "\(outcome.storyID.map(String.init) ?? "-")"])
        if report.seen % Self.progressEvery == 0 { progress?(report) }
    }

    /// Extract and analyse a batch on all cores.
    public func prepare(_ docs: [RawDocument]) -> [AnalyzedArticle] {
        Self.prepare(docs, extractor: extractor, analyzer: analyzer)
    }

    static func prepare(_ docs: [RawDocument], extractor: Extractor, analyzer: LanguageAnalyzer) -> [AnalyzedArticle] {
        ParallelMap.map(docs) { analyze(extractor.extract($0), analyzer: analyzer) }
    }

    static func analyze(_ article: Article, analyzer: LanguageAnalyzer) -> AnalyzedArticle {
        var analyzed = analyzer.analyze(article)
        // A headline-only item (a feed entry without a body) is told by its headline.
        if analyzed.sentences.isEmpty, let title = article.title, !title.isEmpty {
            var headline = article
            headline.paragraphs = [title]
            let withHeadline = analyzer.analyze(headline)
            analyzed.sentences = withHeadline.sentences
        }
        return analyzed
    }

    /// Places one analysed article and stores the result, in one write transaction.
    public func place(_ analyzed: AnalyzedArticle) throws -> PlacementOutcome {
        let now = clock()
        do {
            return try store.write { tx in
                let placement = try placer.place(analyzed, memory: tx, now: now)
                let outcome = try tx.apply(placement, to: analyzed, ingestedAt: now)
                placer.stored(outcome, placement: placement, analyzed: analyzed)
                return outcome
            }
        } catch {
            // What the story memories read inside a rolled-back transaction may not exist: read afresh next time.
            placer.memories.removeAll()
            throw error
        }
    }

    /// Extract, analyse, place and store one document.
    public func ingest(_ document: RawDocument) throws -> PlacementOutcome {
        try place(Self.analyze(extractor.extract(document), analyzer: analyzer))
    }
}

/// What an ingest run did.
public struct IngestReport: Sendable {
    public var stored = 0
    public var unchanged = 0
    public var duplicates = 0
    public var revised = 0
    public var storiesOpened = 0
    public var newSentences = 0
    public var rejected: [InputError] = []
    /// Inputs that went in, with something worth knowing ("path: not valid UTF-8; read as windows-1252").
    public var warnings: [String] = []

    public init() {}

    public var seen: Int { stored + unchanged + duplicates + revised }

    public mutating func record(_ outcome: PlacementOutcome) {
        switch outcome.action {
        case .stored: stored += 1
        case .unchanged: unchanged += 1
        case .duplicate: duplicates += 1
        case .revised: revised += 1
        }
        if outcome.openedStory { storiesOpened += 1 }
        newSentences += outcome.newSentences
    }

    public var summary: String {
        "ingested \(seen) documents: \(stored) new, \(duplicates) copies, \(revised) revisions, \(unchanged) already held; "
            + "\(storiesOpened) stories opened, \(newSentences) new sentences; \(rejected.count) inputs rejected"
    }
}
