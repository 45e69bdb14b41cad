import Foundation

/// Passwords at rest: PBKDF2-HMAC-SHA256 (`PBKDF2`, over our SHA-256) with a 16-byte random salt per
/// password, stored as `pbkdf2-sha256$ROUNDS$SALT$HASH` (base64), so the rounds can grow later and old
/// hashes still verify. The password itself is never stored.
public struct PasswordHasher: Sendable {
    /// OWASP's Password Storage Cheat Sheet (2023) asks 600,000 rounds for PBKDF2-HMAC-SHA256; about 0.4–1 s
    /// per login in a release build on this (loaded) machine, which also slows guessing. Tests use a smaller
    /// count; the server always this one.
    public static let defaultRounds = 600_000
    /// Bytes of salt (NIST SP 800-132 asks at least 128 bits) and of derived key.
    static let saltBytes = 16
    static let keyBytes = 32
    /// Passwords shorter than this are refused when an account is made (NIST SP 800-63B: at least 8).
    public static let minimumLength = 8
    /// Longer passwords are refused: PBKDF2 hashes the whole input each round, so a huge one costs the server.
    public static let maximumLength = 1024

    public let rounds: Int

    public init(rounds: Int = PasswordHasher.defaultRounds) {
        self.rounds = rounds
    }

    /// Why a new password is refused, or nil.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "the password must have at least \(minimumLength) characters" }
        if password.utf8.count > maximumLength { return "the password must have at most \(maximumLength) bytes" }
        return nil
    }

    public func hash(_ password: String) throws -> String {
        var rng = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltBytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let key = try Self.derive(password, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// A record in the stored format that no password matches (random salt and key), made without hashing:
    /// verifying against it costs the full rounds, as for a real account.
    public func unmatchable() -> String {
        var rng = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltBytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let key = (0..<Self.keyBytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// True when `password` matches `stored`; false for a malformed record. Compares in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds > 0,
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              password.utf8.count <= maximumLength,
              let key = try? derive(password, salt: Array(salt), rounds: rounds) else { return false }
        return ConstantTime.equal(key, Array(expected))
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        PBKDF2.sha256(password: Array(password.utf8), salt: salt, rounds: rounds, keyBytes: keyBytes)
    }
}
