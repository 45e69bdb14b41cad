#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Legacy multi-byte and single-byte charsets through the C library's iconv. A byte sequence the charset
/// does not define becomes U+FFFD and decoding goes on, as a browser would; the count of such bytes
/// tells a caller whether the charset was the right one.
enum IconvDecoder {
    /// nil when the C library has no converter for the charset.
    static func decode(_ bytes: [UInt8], from charset: String) -> (text: String, invalid: Int)? {
        guard let cd = iconv_open("UTF-8", charset), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var invalid = 0
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while inLeft > 0 {
                let (result, err, produced) = buffer.withUnsafeMutableBufferPointer { outBuf -> (Int, Int32, Int) in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, r == -1 ? errno : 0, outBuf.count - outLeft)
                }
                output.append(contentsOf: buffer[0..<produced])
                if result != -1 { break }
                switch err {
                case E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    // An undefined or truncated sequence: replace one byte and go on.
                    invalid += 1
                    output.append(contentsOf: replacement)
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                default:
                    invalid += inLeft
                    inLeft = 0
                }
            }
        }
        return (String(decoding: output, as: UTF8.self), invalid)
    }
}
