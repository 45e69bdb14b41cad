/// The PostgreSQL backend's limits, each with how it was chosen.
public enum PostgresTuning {
    /// Connecting to a server on loopback or a LAN takes milliseconds; 10 s leaves room for a busy server
    /// without hanging a command for minutes on a wrong host.
    static let connectTimeoutSeconds: Int64 = 10
    /// Every statement the desk sends is an indexed lookup or a bounded write; the slowest seen in the
    /// multi-worker tests took well under a second. 30 s stops a runaway query (or a lock held by a stuck
    /// client) long before a worker's lease runs out, so the job is retried rather than lost.
    static let statementTimeout = "30s"
    /// How long a caller waits for any answer: the statement timeout plus 5 s for the server to report it.
    /// Past that the connection is taken for dead (it is closed and the transaction retried elsewhere).
    static let clientWaitSeconds: Int64 = 35
    /// A session that idles inside an open transaction holds the placement lock for everyone; 60 s is twice
    /// the statement timeout, so only a client that is really gone is cut off.
    static let idleInTransactionTimeout = "60s"
    /// Connections each process keeps: a CLI command needs one; a worker one for placement and one for the
    /// queue. More than a handful only queue up behind the placement lock.
    public static let defaultPoolSize = 4
    /// Attempts for one transaction when the server reports a serialization failure or deadlock, or the
    /// connection drops: enough to ride out a server restart of a second or two.
    static let maxAttempts = 6
    /// First wait before a retry, doubled each time (50, 100, 200, 400, 800 ms: about 1.5 s in all).
    static let firstRetryDelayMilliseconds = 50
}
