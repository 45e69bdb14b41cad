import Foundation

/// Per-host politeness: at most `perHost` requests in flight to one host, and at least `interval` seconds
/// between the starts of two requests to it. Hosts are independent; the cycle's own limit bounds the total.
actor HostPacer {
    let interval: Double
    let perHost: Int
    private var lastStart: [String: Date] = [:]
    private var active: [String: Int] = [:]

    init(interval: Double, perHost: Int) {
        self.interval = interval
        self.perHost = max(1, perHost)
    }

    /// Waits for the host's turn, then counts the caller in; pair with `release`.
    func acquire(_ host: String) async {
        while true {
            let now = Date()
            let busy = active[host, default: 0] >= perHost
            let wait = lastStart[host].map { $0.addingTimeInterval(interval).timeIntervalSince(now) } ?? 0
            if !busy && wait <= 0 { break }
            // Sleep for the spacing still owed, or briefly while another request to the host finishes.
            let pause = busy ? 0.02 : min(wait, 1)
            try? await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
        }
        active[host, default: 0] += 1
        lastStart[host] = Date()
    }

    func release(_ host: String) {
        active[host, default: 1] -= 1
    }
}
