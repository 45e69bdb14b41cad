import Foundation

/// Hostile inputs, generated at test time (nothing of this size is committed): each one a file in `dir`,
/// with what `updesk ingest` must do with it.
struct HostileInput: Sendable, CustomStringConvertible {
    enum Expectation: Sendable {
        /// Refused, with this phrase on standard error; nothing stored.
        case refused(String)
        /// Taken in (or skipped with a message); the run succeeds.
        case handled
    }
    var name: String
    var file: String
    var expectation: Expectation
    /// Fed on standard input (`-`) instead of named as a file.
    var viaStdin = false
    var description: String { name }
}

enum HostileCorpus {
    static let mb = 1 << 20

    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A file of `size` bytes made by repeating `unit`, written in chunks (no 100 MB string in memory twice).
    static func repeated(_ unit: String, size: Int, prefix: String = "", suffix: String = "", _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(prefix.utf8))
        let chunk = Data(String(repeating: unit, count: max(1, (1 << 20) / unit.utf8.count)).utf8)
        var written = 0
        while written < size {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.write(contentsOf: Data(suffix.utf8))
        return url.path
    }

    /// `gzip -1` of `size` zero bytes, through the system's gzip (a bomb: about 1,000:1).
    static func gzipBomb(size: Int, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c \(size) /dev/zero | gzip -1 > '\(path)'"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("gzip failed") }
        return path
    }

    static let prose = "The council met on Tuesday and agreed to rebuild the bridge over the river before winter. "

    static func make(in dir: URL) throws -> [HostileInput] {
        var out: [HostileInput] = []
        let bomb = try gzipBomb(size: 1 << 30, "bomb.txt.gz", in: dir)
        out.append(.init(name: "gzip bomb, 1 GB of zeros as a page", file: bomb, expectation: .refused("decompresses to more than 32 MB")))
        let streamBomb = dir.appendingPathComponent("bomb.jsonl.gz").path
        try FileManager.default.copyItem(atPath: bomb, toPath: streamBomb)
        out.append(.init(name: "gzip bomb, 1 GB of zeros as a JSONL stream", file: streamBomb,
                         expectation: .refused("decompresses to more than 512 MB")))
        // The same bomb whose trailer claims it inflates to nothing: the output may not be reserved from it.
        let forged = dir.appendingPathComponent("forged.jsonl.gz")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: bomb))
        bytes.replaceSubrange((bytes.count - 4)..<bytes.count, with: Data([0, 0, 0, 0]))
        try bytes.write(to: forged)
        out.append(.init(name: "gzip bomb whose trailer says 0 bytes, as a JSONL stream", file: forged.path,
                         expectation: .refused("decompresses to more than 512 MB")))

        let line = try repeated("word ", size: 100 * mb, "line.txt", in: dir)
        out.append(.init(name: "100 MB single line of text", file: line, expectation: .refused("the limit is 32 MB")))
        out.append(.init(name: "100 MB single line on standard input", file: line, expectation: .refused("the limit is 32 MB"), viaStdin: true))
        let record = try repeated("word ", size: 100 * mb, prefix: "{\"id\": \"big\", \"text\": \"", suffix: "\"}\n", "line.jsonl", in: dir)
        out.append(.init(name: "100 MB single JSONL record", file: record, expectation: .refused("line is longer than 32 MB")))

        let deepHTML = "<html><head><title>Deep</title></head><body>" + String(repeating: "<div>", count: 100_000)
            + "<p>\(prose)</p>" + String(repeating: "</div>", count: 100_000) + "</body></html>"
        out.append(.init(name: "100,000-deep nested HTML", file: try write(Array(deepHTML.utf8), "deep.html", in: dir), expectation: .handled))
        let deepJSON = "{\"id\": \"deep\", \"text\": \"\(prose)\", \"extra\": " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}\n"
        out.append(.init(name: "100,000-deep nested JSON in a JSONL record", file: try write(Array(deepJSON.utf8), "deep.jsonl", in: dir),
                         expectation: .refused("deep.jsonl:1")))

        // Invalid UTF-8: overlong "/" (C0 AF, E0 80 AF), an encoded surrogate (ED A0 80), bytes never valid (FE FF F8).
        var invalid = Array("<html><head><title>Bad bytes</title></head><body><p>".utf8)
        for _ in 0..<40 { invalid += Array(prose.utf8) + [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0xFE, 0xFF, 0xF8] }
        invalid += Array("</p></body></html>".utf8)
        out.append(.init(name: "invalid UTF-8 and overlong encodings", file: try write(invalid, "invalid.html", in: dir), expectation: .handled))

        var nul = Array("<html><head><title>Nul\u{0}bytes</title></head><body><p>".utf8)
        for _ in 0..<40 { nul += Array(prose.utf8) + [0] }
        nul += Array("</p></body></html>".utf8)
        // NUL bytes sprinkled through a page (1 byte in 90) read as binary; a stray one is dropped and the page goes in.
        out.append(.init(name: "NUL bytes sprinkled through a page", file: try write(nul, "nul.html", in: dir),
                         expectation: .refused("looks like binary data")))
        var oneNul = Array("<html><head><title>One\u{0}nul</title></head><body><p>".utf8)
        for _ in 0..<40 { oneNul += Array(prose.utf8) }
        oneNul += [0] + Array("</p></body></html>".utf8)
        out.append(.init(name: "one NUL byte in a page and its title", file: try write(oneNul, "onenul.html", in: dir), expectation: .handled))
        let nulRecord = "{\"id\": \"nul\", \"title\": \"Nul\\u0000title\", \"text\": \"\(prose)\\u0000\(prose)\"}\n"
        out.append(.init(name: "NUL characters in a JSONL record", file: try write(Array(nulRecord.utf8), "nul.jsonl", in: dir), expectation: .handled))

        // Mixed encodings: a UTF-8 paragraph, then one in Latin-1 (é as E9), then UTF-8 again.
        var mixed = Array("<html><head><title>Café réunion</title></head><body><p>Le café est très animé. \(prose)</p><p>".utf8)
        for _ in 0..<10 { mixed += Array("Le caf".utf8) + [0xE9] + Array(" est tr".utf8) + [0xE8] + Array("s anim".utf8) + [0xE9, 0x2E, 0x20] }
        mixed += Array("</p><p>Déjà vu à Zürich. \(prose)</p></body></html>".utf8)
        out.append(.init(name: "mixed UTF-8 and Latin-1 in one page", file: try write(mixed, "mixed.html", in: dir), expectation: .handled))

        let rtl = "{\"id\": \"rtl\", \"title\": \"Invoice \u{202E}fdp.exe\u{202C} \u{2067}and more\u{2069}\", \"text\": \"\(prose)\"}\n"
        out.append(.init(name: "right-to-left overrides in a title", file: try write(Array(rtl.utf8), "rtl.jsonl", in: dir), expectation: .handled))

        var attributes = "<html><head><title>Attributes</title></head><body><div"
        for i in 0..<200_000 { attributes += " data-a\(i)=\"\(i)\"" }
        attributes += " data-a1=\"dup\"><p>\(prose)</p></div></body></html>"
        out.append(.init(name: "200,000 attributes on one element", file: try write(Array(attributes.utf8), "attributes.html", in: dir),
                         expectation: .handled))

        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <html><head><title>&lol9;</title></head><body><p>&lol9; &xxe; \(prose)</p></body></html>
            """
        out.append(.init(name: "billion laughs and an external entity in a page", file: try write(Array(laughs.utf8), "laughs.html", in: dir),
                         expectation: .handled))
        return out
    }
}
