import Foundation

/// Entry points for the libFuzzer harness (`scripts/fuzz.sh TARGET SECONDS`) and for the replay of the
/// kept corpus of inputs that once failed (`Fuzz/corpus/TARGET/*`, replayed by `FuzzCorpusTests`).
/// Each target takes arbitrary bytes and must return without crashing, whatever they hold.
/// Adding a target is one line in `all`; the harness and the corpus replay pick it up by name.
public enum FuzzTargets {
    public typealias Target = @Sendable (UnsafeRawBufferPointer) -> Void

    public static let all: [String: Target] = [
        "html": { html($0) },
        "scrape": { scrape($0) },
        "date": { date($0) },
        "jsonl": { jsonl($0) },
    ]

    /// Bytes as the readers would see them: decoded like a file (charset sniffing), or as lossy UTF-8 when
    /// the decoder refuses them (binary), so that every input reaches the parser under test.
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        let data = Data(bytes)
        return (try? TextDecoding.decode(data)) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The HTML tokenizer and tree builder, then the whole HTML extraction (metadata, body, captions).
    static func html(_ bytes: UnsafeRawBufferPointer) {
        let page = text(bytes)
        _ = HTMLParser.parse(page)
        _ = HTMLExtractor().extract(page, id: "fuzz", url: "https://example.com/2020/01/02/story")
    }

    /// The plain-text scrape extractor.
    static func scrape(_ bytes: UnsafeRawBufferPointer) {
        _ = ScrapeExtractor().extract(text(bytes), id: "fuzz")
    }

    /// Date parsing: whole-string dates, dates inside lines, and the date in a URL.
    static func date(_ bytes: UnsafeRawBufferPointer) {
        let s = String(decoding: bytes, as: UTF8.self)
        _ = DateParser.parse(s)
        _ = DateParser.find(in: s)
        _ = URLDate.date(in: s)
    }

    /// The JSON Lines reader (records, their dates, rejections) and extraction of what it accepts.
    static func jsonl(_ bytes: UnsafeRawBufferPointer) {
        let extractor = Extractor()
        InputReader().readStream(Data(bytes), origin: "fuzz") { item in
            if case .document(let doc) = item { _ = extractor.extract(doc) }
        }
    }
}
