@testable import DeskExtract
import Foundation
import Testing

/// `Gzip.decompress` reserves its output once from the trailer's ISIZE, and falls back to counting the true size
/// when the output outgrows that: streams whose trailer lies or that hold several members still inflate to
/// their true bytes, the limit still holds, and the reservation is never more than the input can produce.
@Suite("gzip size hint")
struct GzipSizeHintTests {
    /// `data` compressed by the system's gzip.
    static func gzip(_ data: Data) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("in")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("gzip exited with \(process.terminationStatus)") }
        return try Data(contentsOf: dir.appendingPathComponent("in.gz"))
    }

    struct HarnessError: Error { var description: String; init(_ d: String) { description = d } }

    /// `data` with its last four bytes (ISIZE) replaced by `size`.
    static func withTrailer(_ data: Data, size: UInt32) -> Data {
        var copy = data
        copy.replaceSubrange((copy.count - 4)..<copy.count, with: withUnsafeBytes(of: size.littleEndian) { Data($0) })
        return copy
    }

    static let text = Data(String(repeating: "The council met on Monday. ", count: 8_000).utf8)

    @Test func theTrailerGivesTheSize() throws {
        let packed = try Self.gzip(Self.text)
        #expect(Gzip.expectedSize(packed) == Self.text.count)
        let slice = (Data([0]) + packed).dropFirst()
        #expect(slice.startIndex == 1 && Gzip.expectedSize(slice) == Self.text.count, "a slice reads the same trailer")
        #expect(try Gzip.decompress(slice, limit: 1 << 20) == Self.text)
        #expect(Gzip.expectedSize(Data([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])) == 0, "zlib data has no trailer")
        #expect(Gzip.expectedSize(Data([0x1f, 0x8b, 0x08])) == 0, "too short for a trailer")
        #expect(try Gzip.decompress(packed, limit: 1 << 20) == Self.text)
        #expect(throws: Gzip.Failure.tooLarge(limit: 100_000)) { try Gzip.decompress(packed, limit: 100_000) }
    }

    /// A trailer that claims more than the input can inflate to reserves no more than the input can produce.
    @Test func aLargeClaimReservesOnlyWhatTheInputCanProduce() throws {
        let packed = try Self.gzip(Self.text)
        let liar = Self.withTrailer(packed, size: .max)
        #expect(Gzip.reservation(liar, limit: 1 << 31) <= packed.count * Gzip.maxExpansion + Gzip.chunk)
        #expect(Gzip.reservation(liar, limit: 1 << 10) == (1 << 10) + Gzip.chunk)
    }

    /// Several members: the trailer gives only the last one's size, so the output outgrows its reservation and
    /// the counting pass serves; the bytes are all the members'.
    @Test func concatenatedMembersOutgrowTheHint() throws {
        let second = Data("And on Tuesday it voted.".utf8)
        let packed = try Self.gzip(Self.text) + Self.gzip(second)
        #expect(Gzip.expectedSize(packed) == second.count)
        #expect(try Gzip.inflated(packed, limit: 1 << 20, capacity: Gzip.reservation(packed, limit: 1 << 20)) == nil)
        #expect(try Gzip.decompress(packed, limit: 1 << 20) == Self.text + second)
        #expect(throws: Gzip.Failure.tooLarge(limit: Self.text.count)) { try Gzip.decompress(packed, limit: Self.text.count) }
    }

    /// A trailer that claims too little: the limit is still found by counting (a bomb is refused, not kept), and a
    /// stream under the limit ends as zlib's length check says: broken.
    @Test func aSmallClaimIsCountedPast() throws {
        let packed = try Self.gzip(Self.text)
        let liar = Self.withTrailer(packed, size: 1)
        #expect(throws: Gzip.Failure.tooLarge(limit: 50_000)) { try Gzip.decompress(liar, limit: 50_000) }
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(liar, limit: 1 << 20) }
    }
}
