import CZlib
import Foundation

/// gzip decompression with a hard cap on the output size, so a gzip bomb is refused, not inflated.
public enum Gzip {
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    public enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge(limit: Int)
    }

    /// The size a gzip stream says it inflates to (its trailer's ISIZE: the last member's size modulo 2³²), or 0
    /// for zlib data or a stream too short to have one. Only a hint, for reserving the output once: growing it by
    /// doubling copies it, and with jemalloc (which cannot grow a huge block in place, as glibc's mremap does) a
    /// 512 MB stream then peaked at about 900 MB. A trailer that lies costs at most the limit, which decompression
    /// may reach anyway.
    static func expectedSize(_ data: Data) -> Int {
        guard isGzip(data), data.count >= 18 else { return 0 }
        var size = 0
        for (shift, byte) in data.suffix(4).enumerated() { size |= Int(byte) << (8 * shift) }
        return size
    }

    public static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        // 15 window bits + 32: detect gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 16
        output.reserveCapacity(min(expectedSize(data), limit) + chunk)
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var input = [UInt8](data)
        let inputCount = input.count
        try input.withUnsafeMutableBufferPointer { (inPtr) throws(Failure) in
            stream.next_in = inPtr.baseAddress
            stream.avail_in = uInt(inputCount)
            repeat {
                let produced: Int = buffer.withUnsafeMutableBufferPointer { outPtr in
                    stream.next_out = outPtr.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunk - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END && !(status == Z_BUF_ERROR && produced > 0) {
                    throw .corrupt(stream.msg.map { String(cString: $0) } ?? "inflate error \(status)")
                }
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit { throw .tooLarge(limit: limit) }
                if status == Z_STREAM_END {
                    // Concatenated gzip members: continue with the next one.
                    if stream.avail_in > 0 { inflateReset(&stream); status = Z_OK; continue }
                    break
                }
                if produced == 0 && stream.avail_in == 0 { throw .corrupt("truncated gzip stream") }
            } while true
        }
        return output
    }
}
