import CZlib
import Foundation

/// gzip decompression with a hard cap on the output size, so a gzip bomb is refused, not inflated.
///
/// The output is never grown by doubling: growing copies it, and with jemalloc (which cannot grow a huge block in
/// place, as glibc's mremap does) a 512 MB stream peaked at about 900 MB. It is reserved once, from the size the
/// stream says it inflates to (`expectedSize`, capped by what deflate can produce from the input and by the limit).
/// When the output outgrows that reservation (a trailer that lies, concatenated members), a second pass counts the
/// true size without keeping anything, refusing a bomb there, and a third inflates into a buffer of exactly that
/// size. Peak memory stays about the limit (or the true size) whatever the trailer says.
public enum Gzip {
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    public enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge(limit: Int)
    }

    /// deflate's largest expansion: one 258-byte match per 2 bits of input (zlib's documented limit is
    /// 1032:1), so no stream inflates to more than this many times its size.
    static let maxExpansion = 1_032

    /// Bytes inflated per step.
    static let chunk = 1 << 16

    /// The size a gzip stream says it inflates to (its trailer's ISIZE: the last member's size modulo 2³²), or 0
    /// for zlib data or a stream too short to have one. Only a hint (see the type's comment).
    static func expectedSize(_ data: Data) -> Int {
        guard isGzip(data), data.count >= 18 else { return 0 }
        var size: UInt32 = 0
        for (shift, byte) in data.suffix(4).enumerated() { size |= UInt32(byte) << UInt32(8 * shift) }
        return Int(size)
    }

    /// The output to reserve before inflating `data`: its trailer's size, but never more than deflate can produce
    /// from `data` nor more than `limit` (plus one step, so that reaching the limit is seen).
    static func reservation(_ data: Data, limit: Int) -> Int {
        let (most, overflow) = data.count.multipliedReportingOverflow(by: maxExpansion)
        return min(expectedSize(data), overflow ? Int.max : most, limit) + chunk
    }

    public static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        if let output = try inflated(data, limit: limit, capacity: reservation(data, limit: limit)) { return output }
        // The stream outgrew its reservation: learn its true size without keeping it, then inflate exactly.
        var size = 0
        try run(data) { (bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Bool in
            size += bytes.count
            if size > limit { throw .tooLarge(limit: limit) }
            return true
        }
        guard let output = try inflated(data, limit: limit, capacity: size) else {
            throw .corrupt("the stream changed between passes")
        }
        return output
    }

    /// The inflated bytes, kept in a buffer reserved once for `capacity` bytes; nil when there are more.
    static func inflated(_ data: Data, limit: Int, capacity: Int) throws(Failure) -> Data? {
        var output = Data()
        output.reserveCapacity(capacity)
        var fits = true
        try run(data) { (bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Bool in
            if output.count + bytes.count > limit { throw .tooLarge(limit: limit) }
            guard output.count + bytes.count <= capacity else { fits = false; return false }
            output.append(bytes)
            return true
        }
        return fits ? output : nil
    }

    /// Inflates `data` (gzip or zlib; concatenated gzip members too), handing each step's bytes to `sink`, which
    /// returns false to stop early.
    static func run(_ data: Data, _ sink: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Bool) throws(Failure) {
        var stream = z_stream()
        // 15 window bits + 32: detect gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let chunk = Self.chunk
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var input = [UInt8](data)
        let inputCount = input.count
        try input.withUnsafeMutableBufferPointer { (inPtr) throws(Failure) in
            stream.next_in = inPtr.baseAddress
            stream.avail_in = uInt(inputCount)
            try buffer.withUnsafeMutableBufferPointer { (outPtr) throws(Failure) in
                repeat {
                    stream.next_out = outPtr.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = chunk - Int(stream.avail_out)
                    if status != Z_OK && status != Z_STREAM_END && !(status == Z_BUF_ERROR && produced > 0) {
                        throw .corrupt(stream.msg.map { String(cString: $0) } ?? "inflate error \(status)")
                    }
                    if produced > 0, try !sink(UnsafeBufferPointer(rebasing: outPtr[0..<produced])) { return }
                    if status == Z_STREAM_END {
                        // Concatenated gzip members: continue with the next one.
                        if stream.avail_in > 0 { inflateReset(&stream); status = Z_OK; continue }
                        break
                    }
                    if produced == 0 && stream.avail_in == 0 { throw .corrupt("truncated gzip stream") }
                } while true
            }
        }
    }
}
