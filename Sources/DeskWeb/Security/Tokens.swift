import Foundation

/// API tokens and webhook secrets: 32 random bytes from the system's generator, as hex. Only the SHA-256
/// of a token is stored; the token itself is shown once.
public enum Tokens {
    public static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }

    public static func hash(_ token: String) -> String { SHA256.hex(token) }
}
