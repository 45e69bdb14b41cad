import DeskStore
import Foundation
import Testing

/// A full disk and a read-only database, met by the real `updesk ingest`: a clear message, a non-zero exit,
/// nothing half-written, every acknowledged document kept, and a later run picks up where it stopped.
@Suite("Store failures through the CLI", .serialized)
struct StoreFailureCLITests {
    static func stream(in dir: URL, headlines: Int) throws -> String {
        let text = try String(contentsOf: Paths.samples.appendingPathComponent("uci-news-headlines.jsonl"), encoding: .utf8)
        let url = dir.appendingPathComponent("stream.jsonl")
        try (text.split(separator: "\n").prefix(headlines).joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func acknowledged(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            return f.count >= 3 && f[0] == "ack" ? String(f[1]) : nil
        }
    }

    @Test("disk full (a quota through UPDESK_DB_MAX_BYTES): exit 74, clear message, acknowledged = stored; resuming ends as a clean run")
    func diskFull() throws {
        let dir = Paths.scratch("full")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.stream(in: dir, headlines: 400)
        let cleanDB = dir.appendingPathComponent("clean.sqlite").path
        let clean = try CLIRun.run(["ingest", "--db", cleanDB, input])
        #expect(clean.status == 0, "\(clean.stderr)")
        let full = Self.fileSize(cleanDB)

        // About half the clean run's size: the quota is met in the middle of the stream.
        let db = dir.appendingPathComponent("desk.sqlite").path
        let quota = try MeasuredRun.run(["ingest", "--ack", "--db", db, input], environment: ["UPDESK_DB_MAX_BYTES": "\(full / 2)"], in: dir)
        #expect(quota.status == 74, "exit \(quota.status): \(quota.stderr)")
        #expect(quota.stderr.contains("the disk is full; nothing of this document was written"), "\(quota.stderr)")
        let acked = Self.acknowledged(quota.stdout)
        #expect(acked.count > 0 && acked.count < 400)
        let store = try SQLiteStore(path: db)
        #expect(try store.integrityCheck())
        // No partial write: exactly the acknowledged documents are there, nothing of the failing one.
        #expect(Set(try store.articles().map(\.id)) == Set(acked))

        let resumed = try CLIRun.run(["ingest", "--db", db, input])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let differences = try DeskSnapshot(SQLiteStore(path: db)).differences(from: DeskSnapshot(SQLiteStore(path: cleanDB)))
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test("a read-only database file, and a database in a read-only folder: clear error, non-zero exit, nothing written",
          arguments: ["read-only file", "read-only folder"])
    func readOnly(_ variant: String) throws {
        let dir = Paths.scratch("ro")
        defer {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let folder = dir.appendingPathComponent("desk")
        let db = folder.appendingPathComponent("desk.sqlite").path
        let first = try CLIRun.run(["ingest", "--db", db, try Self.stream(in: dir, headlines: 30)])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try DeskSnapshot(SQLiteStore(path: db))
        let more = try Self.stream(in: folder, headlines: 60)
        if variant == "read-only file" {
            chmod(db, 0o444)
            chmod(folder.path, 0o777)
        } else {
            chmod(db, 0o666)
            chmod(folder.path, 0o555)
        }
        let run = try Self.asUser(["ingest", "--ack", "--db", db, more], in: dir)
        chmod(folder.path, 0o755)
        chmod(db, 0o644)
        #expect(run.status == 74, "\(variant): exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains("read-only") || run.stderr.contains("cannot open the database"), "\(variant): \(run.stderr)")
        #expect(!run.stdout.contains("ack\t"), "\(variant): nothing can be acknowledged")
        let after = try DeskSnapshot(SQLiteStore(path: db))
        #expect(after.differences(from: before).isEmpty, "\(variant): \(after.differences(from: before))")
        #expect(try SQLiteStore(path: db).integrityCheck())
    }

    /// The binary as user nobody when running as root (`setpriv`), else as ourselves.
    static func asUser(_ arguments: [String], in dir: URL) throws -> MeasuredRun {
        guard getuid() == 0 else { return try MeasuredRun.run(arguments, in: dir) }
        return try MeasuredRun.run(arguments, in: dir, wrapper: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    }
}
