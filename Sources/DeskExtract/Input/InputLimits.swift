/// Size limits on inputs. Chosen well above any real article page (the largest of the 91 evaluation pages
/// is under 2 MB uncompressed) and well below what would hurt a 2-core, 24 GB machine.
public enum InputLimits {
    /// Largest single HTML or text document, after decompression.
    public static let maxDocumentBytes = 32 << 20
    /// Largest JSONL line (one record).
    public static let maxRecordBytes = 32 << 20
    /// Largest gzip-compressed JSONL stream after decompression (streams are read whole once decompressed).
    public static let maxStreamBytes = 512 << 20
}
