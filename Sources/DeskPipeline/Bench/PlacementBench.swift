import DeskModel
import DeskStore
import Foundation

/// `updesk bench placement`: the place stage (copies, revisions, stories, novelty, and storing the result) on
/// one core, over a stream laid out like `eval/stories` or `eval/timelines`, after preloading the desk with
/// generated articles so that the cost can be read against the number of articles held.
///
/// Generated load replays the stream's analysed articles with a per-generation perturbation: about half of
/// each article's terms get a generation suffix (consistently within a generation, so replayed stories stay
/// stories), a tenth are dropped, and times move back one day per generation. Common words stay shared, so the
/// story-term postings of frequent terms grow with the load as they would in a real desk.
public struct PlacementBench: Sendable {
    public struct Step: Sendable {
        public var held: Int
        public var stories: Int
        public var placed: Int
        /// Measured articles that placement found to be copies of one already held (0 when the measured sample is
        /// new to the desk, as it must be: a copy skips most of placement).
        public var copies: Int = 0
        public var articlesPerSecond: Double
        public var p50ms: Double
        public var p99ms: Double
        public var line: String {
            String(format: "held=%d stories=%d placed=%d copies=%d articles_per_s=%.0f p50_ms=%.3f p99_ms=%.3f",
                   held, stories, placed, copies, articlesPerSecond, p50ms, p99ms)
        }
    }

    public var data: URL
    /// Desk sizes (articles held) at which placement is measured, ascending.
    public var sizes: [Int]
    /// Articles of the real stream placed (and timed) at each size.
    public var measure: Int
    /// Preload by bulk writes of perturbed generations of a template desk (`BulkPreload`: a million articles in
    /// minutes) instead of placing every generated article (hours at that size).
    public var bulk: Bool

    /// At most this many documents of the stream are read (0: all): they are analysed, make the template desk
    /// the bulk preload replays, and the articles measured come from them.
    public var streamLimit: Int

    public init(data: URL, sizes: [Int], measure: Int, bulk: Bool = false, streamLimit: Int = 0) {
        self.data = data
        self.sizes = sizes.sorted()
        self.measure = measure
        self.bulk = bulk
        self.streamLimit = streamLimit
    }

    @discardableResult
    public func run(databasePath: String, report: (String) -> Void) throws -> [Step] {
        var steps: [Step] = []
        var (documents, _) = try StoryEval(data: data).stream()
        if streamLimit > 0 { documents = Array(documents.prefix(streamLimit)) }
        try? FileManager.default.removeItem(atPath: databasePath)
        let store = try SQLiteStore(path: databasePath)
        let ingestor = Ingestor(store: store)
        let started = Date()
        let analyzed = ingestor.prepare(documents)
        report(String(format: "stream=%d articles analysed in %.1f s (all cores; not part of the figures below)",
                      analyzed.count, Date().timeIntervalSince(started)))
        var held = 0, generation = 0
        var rng = SeededRandom(seed: 17)
        var preload: BulkPreload?
        if bulk {
            let t0 = Date()
            let template = try BulkPreload.build(from: analyzed, path: databasePath + ".template")
            preload = template
            generation = 1
            report(String(format: "template desk: %d articles, %d stories placed normally in %.1f s (bulk preload replays it perturbed)",
                          template.template.articles.count, template.template.stories.count, Date().timeIntervalSince(t0)))
        }
        for size in sizes {
            // Preload up to `size` generated articles (untimed).
            var loadStart = Date()
            if let preload, held < size {
                let t0 = Date()
                let before = held
                (held, generation) = try preload.grow(store, from: held, to: size, generation: generation) { n in
                    if Date().timeIntervalSince(loadStart) > 30 {
                        report("  preloading: \(n) held")
                        loadStart = Date()
                    }
                }
                report(String(format: "  bulk preload: %d articles written in %.1f s (%.0f articles/s)", held - before,
                              Date().timeIntervalSince(t0), Double(held - before) / max(Date().timeIntervalSince(t0), 1e-9)))
            }
            while held < size {
                generation += 1
                for a in analyzed where held < size {
                    _ = try ingestor.place(Self.perturb(a, generation: generation, rng: &rng))
                    held += 1
                }
                if Date().timeIntervalSince(loadStart) > 30 {
                    report("  preloading: \(held) held")
                    loadStart = Date()
                }
            }
            // Measure: place the real articles as one more generation, so each is new to the desk. (Placing them
            // under fresh ids alone measured copy detection: from the second size on, the desk already held the
            // same texts and every measured article came out as a copy.)
            generation += 1
            // The preloaded stories must be read afresh, as in a process that opens a grown desk.
            ingestor.placer.memories.removeAll()
            var times: [Double] = []
            let sample = analyzed.prefix(measure)
            let cpuStart = Self.threadCPUSeconds()
            var copies = 0
            for a in sample {
                var fresh = Self.perturb(a, generation: generation, rng: &rng)
                fresh.article.id = "m" + fresh.article.id
                let t0 = DispatchTime.now().uptimeNanoseconds
                let outcome = try ingestor.place(fresh)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                if outcome.action == .duplicate { copies += 1 }
            }
            let cpu = Self.threadCPUSeconds() - cpuStart
            held += sample.count
            times.sort()
            let stories = try store.counts().stories
            let step = Step(held: held - sample.count, stories: stories, placed: sample.count, copies: copies,
                            articlesPerSecond: Double(sample.count) / max(cpu, 1e-9),
                            p50ms: times[times.count / 2], p99ms: times[min(times.count - 1, times.count * 99 / 100)])
            report(step.line)
            steps.append(step)
        }
        return steps
    }

    static func perturb(_ a: AnalyzedArticle, generation g: Int, rng: inout SeededRandom) -> AnalyzedArticle {
        func salted(_ term: String) -> String? {
            var h = Hasher()
            h.combine(term)
            h.combine(g)
            let v = UInt64(bitPattern: Int64(h.finalize()))
            if v % 10 == 0 { return nil }
            return v % 2 == 0 ? term + "~\(g)" : term
        }
        var out = a
        out.article.id = "g\(g)-" + a.article.id
        out.article.title = a.article.title.map { "\($0) [\(g)]" }
        out.article.paragraphs = a.article.paragraphs.map { "\($0) [\(g)-\(rng.next() % 1000)]" }
        if let p = a.article.published {
            out.article.published = Sourced(p.value.addingTimeInterval(-Double(g) * 86_400), from: p.from)
        }
        out.titleTerms = a.titleTerms.compactMap(salted)
        out.sentences = a.sentences.map { s in
            var s = s
            s.terms = s.terms.compactMap(salted)
            s.text += " [\(g)]"
            return s
        }
        return out
    }

    /// CPU time of the calling thread (placement is single-threaded: one write transaction at a time).
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
