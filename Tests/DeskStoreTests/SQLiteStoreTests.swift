import DeskModel
@testable import DeskStore
import Foundation
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    static func freshPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-store-\(UUID().uuidString)")
        return dir.appendingPathComponent("desk.sqlite").path
    }

    @Test("reopening an existing database keeps its data and migrates nothing twice")
    func reopen() throws {
        let path = Self.freshPath()
        try StoreContract.opensStoryAndFindsIt(try SQLiteStore(path: path))
        let again = try SQLiteStore(path: path)
        #expect(try again.counts().articles == 1)
        #expect(try again.integrityCheck())
    }

    @Test("a file that is not a database is refused with a clear error")
    func notADatabase() throws {
        let path = Self.freshPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            (error as? StoreError)?.message.contains("damaged") == true
        }
    }

    @Test("a read-only database gives a clear error and no partial write")
    func readOnly() throws {
        let path = Self.freshPath()
        let store = try SQLiteStore(path: path)
        try StoreContract.opensStoryAndFindsIt(store)
        // Opened read-only at the SQLite level: file permissions do not bind root, which CI runs as.
        let readOnlyStore = try SQLiteStore(path: path, options: .init(readOnly: true))
        let a = StoreContract.analyzed("x", title: "X", sentences: ["x y z."])
        #expect(throws: StoreError.self) {
            _ = try readOnlyStore.write { tx in
                try tx.apply(StoreContract.placement(.new, story: nil, hash: "hx", sentences: ["x y z."]), to: a, ingestedAt: StoreContract.t0)
            }
        }
        #expect(try store.counts().articles == 1)
    }

    @Test("a full disk fails the whole document, keeps what was stored, and says so")
    func diskFull() throws {
        let path = Self.freshPath()
        let store = try SQLiteStore(path: path, options: .init(maxSizeBytes: 600_000))
        var stored = 0
        var failure: StoreError?
        let long = String(repeating: "A long sentence about the harbour and its many ships. ", count: 40)
        for i in 0..<400 {
            let a = StoreContract.analyzed("doc\(i)", title: "Title \(i)", sentences: [long + "\(i)"])
            do {
                _ = try store.write { tx in
                    try tx.apply(StoreContract.placement(.new, story: nil, hash: "h\(i)", sentences: [long + "\(i)"]), to: a, ingestedAt: StoreContract.t0)
                }
                stored += 1
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        let error = try #require(failure)
        #expect(error.kind == .diskFull)
        #expect(error.message.contains("disk is full"))
        let counts = try store.counts()
        #expect(counts.articles == stored)
        #expect(counts.sentences == stored)
        #expect(try store.integrityCheck())
    }
}
