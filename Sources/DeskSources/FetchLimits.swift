import Foundation

/// Bounds on one fetch, so no server can hold or flood the desk.
public struct FetchLimits: Sendable {
    /// Seconds to open a connection. A responsive server connects in well under a second; 10 s allows
    /// for a slow link without letting a black-holed address stall a cycle.
    public var connectTimeout: Double = 10
    /// Seconds for the whole fetch, redirects and body included. Feeds are small; 30 s is generous for
    /// a few MiB on a slow server, and is what common feed readers use.
    public var totalTimeout: Double = 30
    /// Bytes read off the wire before the fetch is abandoned (counted while streaming, never buffered
    /// past it). 8 MiB is several times the largest real news feeds (full-content feeds of ~1–3 MiB).
    public var maxBytes = 8 << 20
    /// Bytes a compressed body may inflate to. 32 MiB, the ingest limit for one document
    /// (`InputLimits.maxDocumentBytes`); a gzip bomb stops there.
    public var maxDecompressedBytes = 32 << 20
    /// Redirects followed. Browsers allow 20; real feeds need at most 2–3 (http → https → new host).
    public var maxRedirects = 5

    public init() {}
}
