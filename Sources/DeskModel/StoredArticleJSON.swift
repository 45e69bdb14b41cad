import Foundation

/// An article as the stores keep it: the JSON `JSONEncoder` writes with sorted keys and unescaped slashes, byte
/// for byte, written directly. Foundation's encoder (boxing every value, then writing the boxes) was a fifth of
/// the store stage, on the serial path of ingest (perf of `updesk bench ingest`); this writes the same bytes in
/// one pass. `JSONDecoder` reads it back as before. A test compares both writers on real and hostile articles.
public enum StoredArticleJSON {
    public static func encode(_ a: Article) -> String {
        var w = Writer()
        w.bytes.reserveCapacity(256 + a.paragraphs.reduce(0) { $0 + $1.utf8.count + 4 }
            + a.removed.reduce(0) { $0 + $1.text.utf8.count + 32 })
        w.open("{")
        // Keys in the order `.sortedKeys` gives (UTF-8 order: "canonicalURL" before "captions").
        if let v = a.blockKinds { w.key("blockKinds"); w.array(v) { $0.string($1.rawValue) } }
        if let v = a.byline { w.key("byline"); w.string(v) }
        if let v = a.canonicalURL { w.key("canonicalURL"); w.string(v) }
        w.key("captions")
        w.array(a.captions) { w, c in
            w.open("{")
            if let credit = c.credit { w.key("credit"); w.string(credit) }
            w.key("text"); w.string(c.text)
            w.close("}")
        }
        w.key("id"); w.string(a.id)
        w.key("kind"); w.string(a.kind.rawValue)
        if let v = a.language { w.key("language"); w.string(v) }
        if let v = a.modified { w.key("modified"); w.date(v) }
        w.key("paragraphs"); w.array(a.paragraphs) { $0.string($1) }
        if let v = a.published { w.key("published"); w.date(v) }
        w.key("removed")
        w.array(a.removed) { w, r in
            w.open("{")
            w.key("reason"); w.string(r.reason.rawValue)
            w.key("text"); w.string(r.text)
            w.close("}")
        }
        if let v = a.source { w.key("source"); w.string(v) }
        if let v = a.standfirst { w.key("standfirst"); w.string(v) }
        w.key("tags"); w.array(a.tags) { $0.string($1) }
        if let v = a.title { w.key("title"); w.string(v) }
        if let v = a.url { w.key("url"); w.string(v) }
        w.close("}")
        if w.failed {
            // A value this writer does not print as Foundation does (a date far outside the years of news):
            // Foundation's encoder, so the stored bytes never depend on which writer ran.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(a)) ?? Data("null".utf8), as: UTF8.self)
        }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    struct Writer {
        var bytes: [UInt8] = []
        /// Whether the container being written has a member yet (a comma goes before the next one).
        var started: [Bool] = []
        var failed = false

        mutating func open(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(bracket.value))
            started.append(false)
        }

        mutating func close(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(bracket.value))
            started.removeLast()
        }

        mutating func separate() {
            if started[started.count - 1] { bytes.append(UInt8(ascii: ",")) } else { started[started.count - 1] = true }
        }

        mutating func key(_ name: StaticString) {
            separate()
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        mutating func array<T>(_ items: [T], _ element: (inout Writer, T) -> Void) {
            open("[")
            for item in items {
                separate()
                element(&self, item)
            }
            close("]")
        }

        mutating func date(_ d: Sourced<Date>) {
            open("{")
            key("from"); string(d.from)
            key("value"); number(d.value.timeIntervalSinceReferenceDate)
            close("}")
        }

        /// Seconds since 2001 as Foundation prints a Double: Swift's shortest description, without a trailing
        /// ".0". Anything it would print in exponent form, or not finite, goes to Foundation's encoder.
        mutating func number(_ x: Double) {
            guard x.isFinite, abs(x) < 1e15 else { failed = true; return }
            var text = x.description
            if text.contains("e") { failed = true; return }
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }

        static let hex: [UInt8] = Array("0123456789abcdef".utf8)

        mutating func string(_ s: String) {
            bytes.append(UInt8(ascii: "\""))
            var s = s
            s.withUTF8 { utf8 in
                var runStart = 0
                for i in 0..<utf8.count {
                    let b = utf8[i]
                    guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    runStart = i + 1
                    switch b {
                    case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                    case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                    case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                    case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                    default:
                        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
