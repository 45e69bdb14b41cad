import DeskExtract
import Foundation

/// One article of a Timeline17-style folder (`articles.jsonl`, or `articles.tokenized.jsonl.gz`): a day of
/// publication and tokenised sentences, one per line.
public struct T17Article: Sendable, Hashable {
    /// "<topic_source>/<id>", unique across folders.
    public var docID: String
    public var folder: String
    public var numericID: Int
    public var day: String
    public var sentences: [String]

    struct Line: Decodable {
        var id: String
        var time: String
        var text: String
    }

    /// Articles of one folder in file order; empty texts are skipped.
    public static func load(folder: URL) throws -> [T17Article] {
        let name = folder.lastPathComponent
        let plain = folder.appendingPathComponent("articles.jsonl")
        let gz = folder.appendingPathComponent("articles.tokenized.jsonl.gz")
        var data: Data
        if let d = try? Data(contentsOf: plain) {
            data = d
        } else if let d = try? Data(contentsOf: gz) {
            do { data = try Gzip.decompress(d, limit: 1 << 31) } catch { throw EvalError.malformed(gz.path, "\(error)") }
        } else {
            throw EvalError.missing(plain.path)
        }
        var out: [T17Article] = []
        let decoder = JSONDecoder()
        for (n, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
            guard let l = try? decoder.decode(Line.self, from: Data(line)) else {
                throw EvalError.malformed(folder.path, "articles line \(n + 1) is not an article record")
            }
            let sentences = Self.lines(l.text).map(Self.trimmed).filter { !$0.isEmpty }
            guard !sentences.isEmpty else { continue }
            out.append(T17Article(docID: "\(name)/\(l.id)", folder: name, numericID: Int(l.id) ?? Int.max,
                                  day: String(l.time.prefix(10)), sentences: sentences))
        }
        return out
    }

    /// `text` split at "\n" as `split(separator: "\n")` splits it: at the newline bytes when there is no
    /// carriage return (a "\r\n" is one Character, which that split does not cut), by Characters otherwise.
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        if utf8.contains(0x0D) { return text.split(separator: "\n") }
        return utf8.split(separator: 0x0A).map { Substring($0) }
    }

    /// `line` without the white space `CharacterSet.whitespaces` holds (tab, the Unicode space separators and, on
    /// Linux, U+200B) at either end, as `trimmingCharacters(in: .whitespaces)` gives it. Written out because Foundation's went
    /// through NSString: a quarter of `eval updates`' single-threaded time was spent loading articles.
    static func trimmed(_ line: Substring) -> String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x80 ? s == " " || s == "\t" : CharacterSet.whitespaces.contains(s)
        }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// The canonical stream order of the tools: day, folder, numeric id.
    public static func streamOrder(_ a: T17Article, _ b: T17Article) -> Bool {
        (a.day, a.folder, a.numericID) < (b.day, b.folder, b.numericID)
    }
}

/// A Timeline17-style root: `<topic>_<source>` folders holding `articles.jsonl` and `timelines.jsonl`.
public struct T17Root: Sendable {
    public var url: URL
    public init(_ url: URL) { self.url = url }

    /// Folder names holding a `timelines.jsonl`, sorted.
    public func folders() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).appendingPathComponent("timelines.jsonl").path) }
            .sorted()
    }

    public static func topic(ofFolder name: String) -> String { String(name.split(separator: "_", maxSplits: 1).first ?? "") }

    /// Every article of one topic over all its source folders, texts that occur twice dropped, in stream order.
    public func articles(topic: String) throws -> [T17Article] {
        var seen = Set<[String]>()
        var out: [T17Article] = []
        for folder in folders() where Self.topic(ofFolder: folder) == topic {
            for a in try T17Article.load(folder: url.appendingPathComponent(folder)) where seen.insert(a.sentences).inserted {
                out.append(a)
            }
        }
        return out.sorted(by: T17Article.streamOrder)
    }

    /// Number of distinct dates of each gold timeline of a folder (one line of `timelines.jsonl` each).
    public func goldDateCounts(folder: String) throws -> [Int] { try goldDates(folder: folder).map(\.count) }

    /// The distinct dates of each gold timeline of a folder.
    public func goldDates(folder: String) throws -> [Set<String>] {
        let file = url.appendingPathComponent(folder).appendingPathComponent("timelines.jsonl")
        guard let data = try? Data(contentsOf: file) else { throw EvalError.missing(file.path) }
        var out: [Set<String>] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let timeline = try? JSONSerialization.jsonObject(with: Data(line)) as? [[Any]] else {
                throw EvalError.malformed(file.path, "a line is not a timeline")
            }
            out.append(Set(timeline.compactMap { $0.first as? String }))
        }
        return out
    }
}
