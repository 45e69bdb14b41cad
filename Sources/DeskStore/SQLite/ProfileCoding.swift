import Foundation

/// A story profile (term → weight) as a compact blob: per term a UInt16 byte length, the UTF-8 bytes, and the
/// weight as a little-endian Float64. Placement reads a dozen profiles per article; decoding them as JSON took
/// most of the place stage's time.
public enum ProfileCoding {
    public static func encode(_ profile: [String: Double]) -> Data {
        var out = Data()
        out.reserveCapacity(profile.count * 16)
        for (term, weight) in profile.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(term.utf8.prefix(Int(UInt16.max)))
            withUnsafeBytes(of: UInt16(bytes.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
            withUnsafeBytes(of: weight.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }

    /// The profile, or an empty one when the blob is truncated or malformed (never a crash on bad bytes).
    public static func decode(_ data: Data) -> [String: Double] {
        var out: [String: Double] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var i = 0
            let n = raw.count
            while i + 2 <= n {
                let len = Int(UInt16(raw[i]) | UInt16(raw[i + 1]) << 8)
                i += 2
                guard i + len + 8 <= n else { out = [:]; return }
                let term = String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<(i + len)]), as: UTF8.self)
                i += len
                var bits: UInt64 = 0
                for k in 0..<8 { bits |= UInt64(raw[i + k]) << (8 * UInt64(k)) }
                i += 8
                out[term] = Double(bitPattern: bits)
            }
        }
        return out
    }
}
