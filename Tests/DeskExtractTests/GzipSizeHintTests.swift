@testable import DeskExtract
import Foundation
import Testing

/// `Gzip.decompress` reserves its output from the trailer's ISIZE; the trailer is only a hint: a stream whose
/// trailer lies (too small, too large) still inflates to its true bytes, and the limit still holds.
@Suite("gzip size hint")
struct GzipSizeHintTests {
    static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return out
    }

    /// `data` with its last four bytes (ISIZE) replaced by `size`.
    static func withTrailer(_ data: Data, size: UInt32) -> Data {
        var copy = data
        copy.replaceSubrange((copy.count - 4)..<copy.count, with: withUnsafeBytes(of: size.littleEndian) { Data($0) })
        return copy
    }

    @Test func trailerGivesTheSizeAndOnlyHintsAtIt() throws {
        let text = Data(String(repeating: "The council met on Monday. ", count: 8_000).utf8)
        let packed = try Self.gzip(text)
        #expect(Gzip.expectedSize(packed) == text.count)
        #expect(Gzip.expectedSize(Data([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])) == 0, "zlib data has no trailer")
        #expect(Gzip.expectedSize(Data([0x1f, 0x8b, 0x08])) == 0, "too short for a trailer")
        for lie in [UInt32(1), UInt32(text.count / 3), UInt32.max] {
            // zlib checks ISIZE at the end of the member: a lying trailer is a broken stream, refused, never
            // mis-sized; the reservation it asked for is capped by the limit.
            let liar = Self.withTrailer(packed, size: lie)
            #expect(throws: Gzip.Failure.self) { try Gzip.decompress(liar, limit: 1 << 20) }
        }
        #expect(try Gzip.decompress(packed, limit: 1 << 20) == text)
        #expect(throws: Gzip.Failure.tooLarge(limit: 100_000)) { try Gzip.decompress(packed, limit: 100_000) }
    }
}
