import Foundation

/// Advisory lock keys. PostgreSQL's advisory locks take a 64-bit key; ours is a stable hash (FNV-1a) of a
/// purpose and the schema, so desks in different schemas of one database never wait for each other.
enum PostgresLocks {
    static func key(_ purpose: String, _ schema: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(purpose)/\(schema)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}
