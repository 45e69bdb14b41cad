import DeskModel
import Foundation

/// Extracts an article from a plain-text scrape (the visible text of a page, blocks on their own lines).
///
/// 1. Each line is classified on its own (`LineClassifier`): prose, short text, chrome from a generic lexicon,
///    caption, byline, dateline, or a repeat of an earlier line.
/// 2. The main block is the maximum-score run of lines (`MainBlockFinder`), anchored after the line that
///    repeats the page title's headline when there is one (`HeadlineFinder`), extended over a closing list
///    (`ListContinuation`).
/// 3. Inside the block the content lines are the body; the standfirst, byline, dates and captions around the
///    headline go to their own fields; every other line is listed under `removed` with a reason.
public struct ScrapeExtractor: Sendable {
    public init() {}

    public func extract(_ text: String, id: String) -> Article {
        let language = ScrapeLanguage.guess(text)
        let stopwords = language.flatMap { ScrapeLanguage.stopwords[$0] }
        let lines = ScrapeLines.split(text, stopwords: stopwords)
        var article = Article(id: id, kind: .text, language: language)
        guard !lines.isEmpty else { return article }

        // 1. Classify every line; exact repeats of an earlier line are duplicates.
        var seen = Set<String>()
        var kinds: [LineKind] = []
        for line in lines {
            // A repeat is dropped when it is a sentence-sized line (captions and teasers printed twice) or follows
            // its original directly; short repeats inside a body (table cells, list labels) are classified as usual.
            let previous = line.index > 0 ? lines[line.index - 1].text : nil
            if !seen.insert(line.text).inserted && (line.charCount >= LineClassifier.textMinChars || previous == line.text) {
                kinds.append(.duplicate)
            } else {
                kinds.append(LineClassifier.kind(line, languageKnown: stopwords != nil))
            }
        }
        func sentenceAt(_ i: Int) -> Bool { i >= 0 && i < lines.count && isSentence(kinds[i]) }
        // Datelines after the second paragraph of prose belong to teasers (the first may be a standfirst).
        let proseIndices = kinds.indices.filter { if case .prose = kinds[$0] { true } else { false } }
        let firstProse = proseIndices.count > 1 ? proseIndices[1] : lines.count
        var scores = lines.indices.map { i in
            MainBlockFinder.score(kinds[i], line: lines[i], betweenSentences: sentenceAt(i - 1) && sentenceAt(i + 1),
                                  afterProse: i > firstProse)
        }
        scores[0] = MainBlockFinder.metadataScore
        scores = MainBlockFinder.capGaps(scores)

        // 2. Main block, anchored at the headline: the best run starting between a line that repeats the title
        //    and the first hard end marker (at most a few lines past the first paragraph under it). Without a
        //    headline, the best run on the page. A closing list of same-shaped lines is then joined to it.
        var (headline, block) = mainBlock(lines: lines, kinds: kinds, scores: scores)
        if let b = block, let listEnd = ListContinuation.extend(after: b.upperBound, lines: lines, kinds: kinds) {
            block = b.lowerBound...listEnd
        }
        // 3. Standfirst: the sentence right under the headline, followed by metadata or repeated by the body.
        var standfirst: Int?
        if let h = headline, h + 1 < lines.count, isSentence(kinds[h + 1]) {
            let j = h + 1
            let next = j + 1 < lines.count ? kinds[j + 1] : nil
            let outsideBlock = block.map { j < $0.lowerBound } ?? true
            let stem = lines[j].normalized
            let repeated = lines[(j + 1)...].prefix(6).contains { $0.normalized.hasPrefix(stem) && $0.normalized != stem }
            // Inside the main block, a sentence followed by a caption may just as well be the first paragraph:
            // only a body that repeats it, or a byline/dateline under it, makes it a standfirst.
            let nextIsByline: Bool = {
                switch next {
                case .byline, .date: return true
                default: return false
                }
            }()
            if outsideBlock || repeated || nextIsByline { standfirst = j }
        }

        // Metadata zone: a few lines around the headline and the start of the block.
        let bodyStart = block?.lowerBound ?? lines.count
        let zoneStart = max(1, (headline ?? bodyStart) - 4)
        let zoneEnd = min(lines.count, bodyStart + 3)
        var bylineIndex: Int?
        var dateIndices: [Int] = []
        if zoneStart < zoneEnd {
            for i in zoneStart..<zoneEnd {
                switch kinds[i] {
                case .byline(let name):
                    if bylineIndex == nil { bylineIndex = i; article.byline = name }
                    if let d = DateParser.find(in: lines[i].text), article.published == nil {
                        article.published = Sourced(d, from: "byline line")
                        dateIndices.append(i)
                    }
                case .date(let d, let isUpdate):
                    if isUpdate {
                        if article.modified == nil { article.modified = Sourced(d, from: "dateline line"); dateIndices.append(i) }
                    } else if article.published == nil {
                        article.published = Sourced(d, from: "dateline line")
                        dateIndices.append(i)
                    }
                default: break
                }
            }
        }
        if article.published == nil, let m = article.modified { article.published = Sourced(m.value, from: m.from) }

        // 4. Body and removals.
        article.title = headline.map { lines[$0].text } ?? HeadlineFinder.cleanTitle(lines[0].text)
        article.standfirst = standfirst.map { lines[$0].text }
        // Captions count from the headline to the end of the block; a headline found below the block leaves the
        // zone empty (a closed range from a higher to a lower line traps: found by fuzzing, Fuzz/corpus/scrape).
        let captionLow = headline ?? 0, captionHigh = block?.upperBound ?? lines.count - 1
        for (i, line) in lines.enumerated() {
            let inBlock = block?.contains(i) ?? false
            if i == 0 || i == headline || i == standfirst || i == bylineIndex || dateIndices.contains(i) {
                article.removed.append(Removal(text: line.text, reason: .metadata))
                continue
            }
            switch kinds[i] {
            case .prose, .text, .short:
                if inBlock, let h = headline, line.normalized == lines[h].normalized {
                    // The headline printed again inside the article (gallery or share widgets).
                    article.removed.append(Removal(text: line.text, reason: .duplicate))
                } else if inBlock {
                    article.paragraphs.append(line.text)
                } else if i < bodyStart {
                    article.removed.append(Removal(text: line.text, reason: kinds[i].isShort ? .navigation : .leading))
                } else {
                    article.removed.append(Removal(text: line.text, reason: .trailing))
                }
            case .boilerplate(let hit):
                article.removed.append(Removal(text: line.text, reason: hit.reason))
            case .caption(let caption):
                if captionLow <= i, i <= captionHigh, !caption.text.isEmpty, !article.captions.contains(caption) {
                    article.captions.append(caption)
                }
                article.removed.append(Removal(text: line.text, reason: .caption))
            case .byline, .date:
                article.removed.append(Removal(text: line.text, reason: .metadata))
            case .duplicate:
                article.removed.append(Removal(text: line.text, reason: .duplicate))
            }
        }
        return article
    }

    /// A headline must be followed by the first paragraph within this many lines, not counting recognised
    /// chrome (share bars, ads) and metadata: byline, dates, standfirst, a caption and a kicker fit; farther
    /// away, the repeat is a teaser or a menu entry, not the headline.
    static let maxHeadlineToBodyLines = 12
    /// The body may start a little after the first paragraph under the headline (that "paragraph" can be a
    /// standfirst, a promo or a widget) but not farther than this many lines: beyond, it is another article.
    static let maxBodyStartAfterFirstParagraph = 20

    private func mainBlock(lines: [ScrapeLine], kinds: [LineKind], scores: [Double]) -> (Int?, ClosedRange<Int>?) {
        let candidates = HeadlineFinder.candidates(lines).filter { if case .boilerplate = kinds[$0] { false } else { true } }
        var i = 0
        while i < candidates.count {
            // Of several candidates before the same paragraph, the last (closest) one is the headline; the
            // earliest headline with a paragraph close under it wins (later repeats are teasers and comments).
            let c = candidates[i]
            guard let p = ((c + 1)..<lines.count).first(where: { if case .prose = kinds[$0] { return true } else { return false } }) else { break }
            let closest = candidates[i...].last { $0 < p } ?? c
            i = (candidates.firstIndex { $0 > p }) ?? candidates.count
            let distance = ((closest + 1)..<p).filter { kinds[$0].isContent }.count
            guard distance <= Self.maxHeadlineToBodyLines else { continue }
            // The body starts between the headline and the first hard end marker after that paragraph (a teaser
            // list after "You may also like" can outscore a short article; it is still not the article).
            let hardEnd = (p..<lines.count).first { if case .boilerplate(let hit) = kinds[$0] { hit.isHardEnd } else { false } } ?? lines.count
            let latestStart = min(hardEnd, p + Self.maxBodyStartAfterFirstParagraph)
            if let (segment, _) = MainBlockFinder.best(scores, startingIn: (closest + 1)..<latestStart, before: lines.count) {
                return (closest, segment)
            }
            continue
        }
        let block = MainBlockFinder.best(scores, in: 1..<lines.count)
        if let b = block, let above = HeadlineFinder.nearestAbove(b.lowerBound, lines: lines, kinds: kinds),
           HeadlineFinder.plausible(lines[above], title: lines[0]) {
            return (above, block)
        }
        return (candidates.first, block)
    }

    private func isSentence(_ kind: LineKind) -> Bool {
        switch kind {
        case .prose, .text: true
        default: false
        }
    }
}

extension LineKind {
    var isShort: Bool {
        if case .short = self { return true }
        return false
    }
}
