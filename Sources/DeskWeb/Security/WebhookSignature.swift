import Foundation

/// How a webhook is signed: `X-UpdateDesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
/// The time stamp is inside the signed text, so a receiver that rejects old stamps stops replays.
public enum WebhookSignature {
    public static let header = "X-UpdateDesk-Signature"
    /// How old a signature a receiver should accept: five minutes, the usual window for clock skew plus retries in flight.
    public static let tolerance: TimeInterval = 300

    public static func sign(body: String, secret: String, at time: Date) -> String {
        let t = Int(time.timeIntervalSince1970)
        return "t=\(t),v1=" + HMACSHA256.hex(key: secret, message: "\(t).\(body)")
    }

    /// True when `header` signs `body` with `secret` and its time stamp is within `tolerance` of `now`.
    public static func verify(header: String, body: String, secret: String, now: Date) -> Bool {
        var t: Int?, v1: String?
        for part in header.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            if kv[0] == "t" { t = Int(kv[1]) } else if kv[0] == "v1" { v1 = kv[1] }
        }
        guard let t, let v1, abs(now.timeIntervalSince1970 - Double(t)) <= tolerance else { return false }
        let expected = HMACSHA256.hex(key: secret, message: "\(t).\(body)")
        // Compare in constant time.
        guard expected.utf8.count == v1.utf8.count else { return false }
        return zip(expected.utf8, v1.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
