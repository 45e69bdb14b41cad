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

    public static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        // 15 window bits + 32: detect gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 16
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
