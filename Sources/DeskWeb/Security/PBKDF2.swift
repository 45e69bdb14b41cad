/// PBKDF2-HMAC-SHA256 (RFC 8018), for passwords at rest. Written over our own SHA-256 because the project's
/// allowed dependencies carry no key-derivation function. Fast enough for the OWASP round count: the padded
/// key's inner and outer states are computed once, so each round costs exactly two SHA-256 compressions.
public enum PBKDF2 {
    public static func sha256(password: [UInt8], salt: [UInt8], rounds: Int, keyBytes: Int) -> [UInt8] {
        precondition(rounds > 0 && keyBytes > 0)
        var key = password.count > 64 ? SHA256.hash(password) : password
        key += [UInt8](repeating: 0, count: 64 - key.count)
        var inner = SHA256Block.initial, outer = SHA256Block.initial
        SHA256Block.compress(&inner, SHA256Block.words(key.map { $0 ^ 0x36 }))
        SHA256Block.compress(&outer, SHA256Block.words(key.map { $0 ^ 0x5c }))
        var out: [UInt8] = []
        var blockIndex: UInt32 = 1
        while out.count < keyBytes {
            // U1 = HMAC(P, S || INT(i)): the message can be long, so it goes through the general hash.
            let first = SHA256.hash(key.map { $0 ^ 0x5c } + SHA256.hash(key.map { $0 ^ 0x36 } + salt + bigEndian(blockIndex)))
            // One block buffer reused every round: the 32-byte digest, then its fixed padding.
            var block = SHA256Block.padded32(SHA256Block.words(first))
            var t = Array(block[0..<8])
            var state = inner
            for _ in 1..<rounds {
                for j in 0..<8 { state[j] = inner[j] }
                SHA256Block.compress(&state, block)
                for j in 0..<8 { block[j] = state[j]; state[j] = outer[j] }
                SHA256Block.compress(&state, block)
                for j in 0..<8 { block[j] = state[j]; t[j] ^= state[j] }
            }
            out += SHA256Block.bytes(t)
            blockIndex += 1
        }
        return Array(out.prefix(keyBytes))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }
}

/// One SHA-256 compression on an explicit state, for callers that hash many one-block messages.
enum SHA256Block {
    static let initial: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

    /// The 16 words of a 64-byte block.
    static func words(_ bytes: [UInt8]) -> [UInt32] {
        (0..<(bytes.count / 4)).map { i in
            UInt32(bytes[i * 4]) << 24 | UInt32(bytes[i * 4 + 1]) << 16 | UInt32(bytes[i * 4 + 2]) << 8 | UInt32(bytes[i * 4 + 3])
        }
    }

    static func bytes(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - $0 * 8)) } }
    }

    /// A 32-byte message after a 64-byte block already compressed: the message, 0x80, zeros, length 768 bits.
    @inline(__always)
    static func padded32(_ digest: [UInt32]) -> [UInt32] {
        digest + [0x8000_0000, 0, 0, 0, 0, 0, 0, (64 + 32) * 8]
    }

    @inline(__always)
    static func compress(_ h: inout [UInt32], _ block: [UInt32]) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 { w[i] = block[i] }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            SHA256.k.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ s0 &+ maj
                }
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
        }
    }

    @inline(__always) static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
