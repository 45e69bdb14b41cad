import DeskModel
import DeskPipeline
import DeskStore
import Foundation
import Testing

/// Bad input gets a clear message naming it, never a crash, and never loses or duplicates what is stored.
@Suite("Bad input")
struct BadInputTests {
    static let good = """
        {"id": "g1", "source": "Wire", "published": "2024-05-01T10:00:00Z", "title": "Harbour reopens after storm", "text": "The harbour reopened on Wednesday after the storm. Ferries resumed service."}
        {"id": "g2", "source": "Daily", "published": "2024-05-01T11:00:00Z", "title": "Parliament passes budget", "text": "Parliament passed the budget by a wide margin. The vote was 210 to 90."}
        """

    func ingest(_ paths: [String], db: String) throws -> IngestReport {
        try Ingestor(store: try SQLiteStore(path: db)).ingest(paths: paths)
    }

    @Test("empty, binary, invalid UTF-8, oversized and broken-JSONL inputs are each reported; the rest goes in")
    func mixedFolder() throws {
        let dir = Paths.scratch("bad")
        let fm = FileManager.default
        fm.createFile(atPath: dir.appendingPathComponent("empty.txt").path, contents: Data())
        fm.createFile(atPath: dir.appendingPathComponent("notes.md").path, contents: Data("# Notes\n\nNot news.".utf8))
        fm.createFile(atPath: dir.appendingPathComponent("blank.txt").path, contents: Data("  \n\n \t".utf8))
        fm.createFile(atPath: dir.appendingPathComponent("binary").path, contents: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        fm.createFile(atPath: dir.appendingPathComponent("latin1.txt").path,
                      contents: Data("Caf\u{E9} owners protest new rules\n\nThe owners of every caf\u{E9} in town protested.".data(using: .isoLatin1)!))
        fm.createFile(atPath: dir.appendingPathComponent("broken.gz").path, contents: Data([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]))
        // 100 MB of one line: over the document limit, refused before it is read.
        let big = dir.appendingPathComponent("huge.txt")
        fm.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let lines = Self.good.split(separator: "\n").map(String.init)
        let stream = [lines[0], "this is not json", "{\"url\": \"x\"}", "", "{\"id\": \"bad-date\", \"title\": \"T\", \"published\": \"someday\"}", lines[1]]
        try stream.joined(separator: "\n").write(to: dir.appendingPathComponent("stream.jsonl"), atomically: true, encoding: .utf8)

        let db = Paths.scratch("bad-db").appendingPathComponent("desk.sqlite").path
        let report = try ingest([dir.path], db: db)
        let rejected = Dictionary(grouping: report.rejected, by: { ($0.input as NSString).lastPathComponent })
        #expect(rejected["empty.txt"]?.first?.reason == .empty)
        #expect(rejected["blank.txt"]?.first?.reason == .empty)
        #expect(rejected["binary"]?.first?.reason == .binary)
        #expect(rejected["notes.md"]?.first?.reason == .unsupported)
        #expect(rejected["broken.gz"]?.first?.reason == .unreadable)
        #expect(rejected["huge.txt"]?.first?.reason == .tooLarge)
        #expect(rejected["huge.txt"]?.first?.message.contains("limit") == true)
        #expect(rejected["stream.jsonl:2"]?.first?.message.contains("not a JSON object") == true)
        #expect(rejected["stream.jsonl:3"]?.first?.message.contains("\"id\"") == true)
        #expect(rejected["stream.jsonl:5"]?.first?.message.contains("not a date") == true)
        #expect(report.rejected.count == 9)
        #expect(report.warnings.contains { $0.contains("latin1.txt") && $0.contains("windows-1252") })
        #expect(report.stored == 3)

        let store = try SQLiteStore(path: db)
        let titles = Set(try store.articles().compactMap(\.title))
        #expect(titles.contains("Harbour reopens after storm"))
        #expect(titles.contains("Parliament passes budget"))
        #expect(try store.articles().contains { $0.body.contains("café") })

        // Again: nothing stored twice, nothing lost.
        let before = try store.counts()
        let again = try ingest([dir.path], db: db)
        #expect(again.stored == 0 && again.unchanged == 3)
        #expect(try store.counts() == before)
        #expect(try store.integrityCheck())
    }

    @Test("a folder of 10,000 files is read one by one, each bad one named")
    func tenThousandFiles() throws {
        let dir = Paths.scratch("many")
        for i in 0..<10_000 {
            // Mostly empty files (rejected), every 500th a real one.
            let body = i % 500 == 0 ? "Headline number \(i)\n\nA body sentence that says something about item \(i)." : ""
            FileManager.default.createFile(atPath: dir.appendingPathComponent(String(format: "f%05d.txt", i)).path, contents: Data(body.utf8))
        }
        let db = Paths.scratch("many-db").appendingPathComponent("desk.sqlite").path
        let report = try ingest([dir.path], db: db)
        #expect(report.stored + report.duplicates == 20)
        #expect(report.rejected.count == 9_980)
        #expect(report.rejected.allSatisfy { $0.reason == .empty && $0.input.hasSuffix(".txt") })
    }

    @Test("a path that does not exist is named, and the run goes on")
    func missingPath() throws {
        let dir = Paths.scratch("ok")
        try Self.good.write(to: dir.appendingPathComponent("s.jsonl"), atomically: true, encoding: .utf8)
        let db = Paths.scratch("missing-db").appendingPathComponent("desk.sqlite").path
        let report = try ingest(["/nonexistent/updesk/input", dir.path], db: db)
        #expect(report.rejected.map(\.reason) == [.notFound])
        #expect(report.rejected.first?.message == "/nonexistent/updesk/input: no such file or folder")
        #expect(report.stored == 2)
    }
}
