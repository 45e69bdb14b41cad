import DeskModel
import DeskTracking
import Foundation

/// Builds one old/new pair of versions of an article for `RevisionGenerator`, keeping track of where every
/// sentence came from so the true diff can be read off the result.
struct VersionBuilder {
    enum Origin: Equatable {
        case old(Int)
        case added
        case furniture
    }
    enum Edit { case none, changed, moved }
    struct Item {
        var text: String
        var origin: Origin
        var edit: Edit = .none
    }
    struct Made {
        var old: RevisionClassifier.Version
        var new: RevisionClassifier.Version
        var ops: [RevisionGenerator.Op]
        var edits: [String]
    }

    let base: [String]
    var random: SeededRandom
    let pool: [String]
    var new: [Item] = []
    var edits: [String] = []
    var title = ""
    var newTitle = ""

    init(base: [String], random: SeededRandom, pool: [String]) {
        self.base = base
        self.random = random
        self.pool = pool
    }

    mutating func make(_ scenario: RevisionGenerator.Scenario) -> Made {
        // The old page: optional dateline, time-stamp line on top, counter line below.
        var body = base
        var datelineParts: (String, String)?
        if random.chance(0.3) {
            let city = RevisionTemplates.cities.randomElement(using: &random)!
            let agency = RevisionTemplates.agencies.randomElement(using: &random)!
            datelineParts = (city, agency)
            body[0] = RevisionTemplates.dateline(&random, city: city, agency: agency) + body[0]
        }
        let words = base[0].split(separator: " ").prefix(10).joined(separator: " ")
        let marker = random.chance(0.2) ? "UPDATE 1-" : ""
        title = marker + words
        var old: [Item] = []
        let cosmetic = scenario == .cosmetic
        var top: RevisionTemplates.Furniture?
        var bottom: RevisionTemplates.Furniture?
        if random.chance(cosmetic ? 0.8 : 0.5) {
            top = [.age, .lastUpdated, .publishedUpdated, .longStamp, .stampAndCount].randomElement(using: &random)!
            old.append(Item(text: top!.render(&random), origin: .furniture))
        }
        for s in body { old.append(Item(text: s, origin: .old(0))) }
        if random.chance(cosmetic ? 0.6 : 0.4) {
            bottom = [.comments, .shares, .views, .commentsParen].randomElement(using: &random)!
            old.append(Item(text: bottom!.render(&random), origin: .furniture))
        }
        // A line without words ("___", "...") is layout, not text: the diff leaves it out, and so does the truth.
        for k in old.indices where old[k].origin != .furniture {
            old[k].origin = SentenceKey.key(old[k].text).isEmpty ? .furniture : .old(k)
        }
        new = old
        newTitle = title

        switch scenario {
        case .identical:
            break
        case .cosmetic:
            var options = ["timestamp", "counter-appears", "formatting", "refile"]
            if top != nil || bottom != nil { options += ["timestamp", "timestamp"] }
            if datelineParts != nil { options += ["dateline", "dateline"] }
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                cosmeticEdit(options.randomElement(using: &random)!, dateline: datelineParts)
            }
        case .revision:
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                textEdit(["add", "add", "remove", "reword", "reword", "number", "move"].randomElement(using: &random)!)
            }
            if random.chance(0.5) { cosmeticEdit("timestamp", dateline: datelineParts) }
            if random.chance(0.3) { bumpUpdateMarker() }
        case .correction:
            textEdit(random.chance(0.5) ? "number" : "reword")
            let note = RevisionTemplates.correctionNote(&random)
            let range = bodyRange()
            new.insert(Item(text: note, origin: .added), at: random.chance(0.6) ? range.upperBound : range.lowerBound)
            edits.append("correction-note")
            if random.chance(0.5) {
                newTitle = "CORRECTED-" + newTitle
                edits.append("corrected-marker")
            }
            if random.chance(0.5) { cosmeticEdit("timestamp", dateline: datelineParts) }
        }
        return Made(old: .init(title: title, sentences: old.map(\.text)), new: .init(title: newTitle, sentences: new.map(\.text)),
                    ops: ops(old: old), edits: edits)
    }

    /// Positions of the article's own sentences in `new` (furniture lines at either end excluded).
    func bodyRange() -> Range<Int> {
        let first = new.firstIndex { $0.origin != .furniture } ?? 0
        let last = new.lastIndex { $0.origin != .furniture } ?? (new.count - 1)
        return first..<(last + 1)
    }

    /// Sentences of the old version not yet edited.
    func untouched() -> [Int] {
        new.indices.filter { if case .old = new[$0].origin { return new[$0].edit == .none } else { return false } }
    }

    mutating func cosmeticEdit(_ kind: String, dateline: (String, String)?) {
        switch kind {
        case "timestamp":
            let furniture = new.indices.filter { new[$0].origin == .furniture && !SentenceKey.key(new[$0].text).isEmpty }
            guard !furniture.isEmpty else { return cosmeticEdit("counter-appears", dateline: dateline) }
            for k in furniture {
                // Re-render with the same template: the kind is read back from which template gives the same words.
                new[k].text = Self.rerender(new[k].text, &random)
            }
        case "counter-appears":
            let line = [RevisionTemplates.Furniture.comments, .shares, .views, .age].randomElement(using: &random)!.render(&random)
            let range = bodyRange()
            new.insert(Item(text: line, origin: .furniture), at: random.chance(0.5) ? range.upperBound : range.lowerBound)
        case "dateline":
            guard let (city, agency) = dateline, let k = new.indices.first(where: { new[$0].origin != .furniture }),
                  let dash = new[k].text.range(of: agency.isEmpty ? " — " : " - ") else { return cosmeticEdit("formatting", dateline: nil) }
            new[k].text = RevisionTemplates.dateline(&random, city: city, agency: agency) + new[k].text[dash.upperBound...]
        case "formatting":
            guard let k = untouched().randomElement(using: &random) else { return }
            var t = new[k].text
            if t.contains("\"") { t = t.replacingOccurrences(of: "\"", with: "\u{201C}") }
            else if t.contains("'") { t = t.replacingOccurrences(of: "'", with: "\u{2019}") }
            else if t.contains(", ") { t = t.replacingOccurrences(of: ", ", with: " , ") }
            else { t = t.replacingOccurrences(of: " ", with: "  ") }
            new[k].text = t
        default:  // "refile"
            newTitle = "REFILE-" + newTitle
        }
        edits.append(kind)
    }

    /// A fresh rendering of a furniture line of the same kind (the kind that renders to the same word shape).
    static func rerender(_ line: String, _ r: inout SeededRandom) -> String {
        let shape = { (s: String) in s.filter { $0.isLetter }.prefix(6) }
        for kind in RevisionTemplates.Furniture.allCases {
            for _ in 0..<12 {
                let candidate = kind.render(&r)
                if shape(candidate) == shape(line), candidate != line { return candidate }
            }
        }
        return RevisionTemplates.Furniture.comments.render(&r)
    }

    mutating func bumpUpdateMarker() {
        if newTitle.hasPrefix("UPDATE 1-") { newTitle = "UPDATE 2-" + newTitle.dropFirst(9) } else { newTitle = "UPDATE 1-" + newTitle }
        edits.append("update-marker")
    }

    mutating func textEdit(_ kind: String) {
        let candidates = untouched()
        switch kind {
        case "add":
            // A sentence of another article (one this article already holds would be a copy, not an addition).
            let held = Set(new.map { SentenceKey.key($0.text) })
            var pick: String?
            for _ in 0..<20 {
                if let s = pool.randomElement(using: &random), !held.contains(SentenceKey.key(s)) { pick = s; break }
            }
            guard let sentence = pick else { return }
            let range = bodyRange()
            new.insert(Item(text: sentence, origin: .added), at: Int.random(in: range.lowerBound...range.upperBound, using: &random))
        case "remove":
            guard candidates.count > 2, let k = candidates.randomElement(using: &random) else { return textEdit("reword") }
            new.remove(at: k)
        case "reword":
            guard let k = candidates.filter({ new[$0].text.split(separator: " ").count >= 6 }).randomElement(using: &random)
                    ?? candidates.randomElement(using: &random) else { return }
            new[k].text = SentenceEdits.reword(new[k].text, &random)
            new[k].edit = .changed
        case "number":
            guard let k = candidates.filter({ SentenceEdits.hasNumber(new[$0].text) }).randomElement(using: &random) else {
                return textEdit("reword")
            }
            new[k].text = SentenceEdits.updateNumber(new[k].text, &random)
            new[k].edit = .changed
        default:  // "move"
            let range = bodyRange()
            guard range.count >= 4, let k = candidates.randomElement(using: &random) else { return textEdit("reword") }
            var item = new.remove(at: k)
            item.edit = .moved
            let targets = (range.lowerBound..<(range.upperBound - 1 + 1)).filter { abs($0 - k) >= 2 && $0 <= new.count }
            guard let to = targets.randomElement(using: &random) else { new.insert(item, at: k); return }
            new.insert(item, at: to)
        }
        edits.append(kind)
    }

    /// The true diff: every old sentence not in the new version removed; added, changed and moved ones as made.
    func ops(old: [Item]) -> [RevisionGenerator.Op] {
        var out: [RevisionGenerator.Op] = []
        var kept = Set<Int>()
        for (j, item) in new.enumerated() {
            switch item.origin {
            case .furniture: continue
            case .added: out.append(.init(op: .added, oldIndex: nil, newIndex: j))
            case .old(let i):
                kept.insert(i)
                switch item.edit {
                case .none: continue
                case .changed: out.append(.init(op: .changed, oldIndex: i, newIndex: j))
                case .moved: out.append(.init(op: .moved, oldIndex: i, newIndex: j))
                }
            }
        }
        for (i, item) in old.enumerated() where item.origin == .old(i) && !kept.contains(i) {
            out.append(.init(op: .removed, oldIndex: i, newIndex: nil))
        }
        return out
    }
}
