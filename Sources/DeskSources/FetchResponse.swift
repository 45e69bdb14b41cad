import Foundation

/// What a conditional GET brought back.
public struct FetchResponse: Sendable {
    public var status: Int
    /// The address after redirects.
    public var url: URL
    /// The body, decompressed; empty for 304.
    public var body: Data
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// 304: nothing changed since the validators were taken.
    public var notModified: Bool { status == 304 }
}

/// Validators from the last fetch, for a conditional GET.
public struct Validators: Sendable, Hashable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
