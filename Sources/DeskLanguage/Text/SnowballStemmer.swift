import CStemmer

/// Snowball stems through Debian's libstemmer (29 languages). One instance holds one C stemmer, which is
/// not thread-safe: use one per thread (or per task), never share one across threads.
///
/// Story tracking keeps `Tokenizer.contentTerms` (the light stemmer); these stems are offered beside it.
public final class SnowballStemmer {
    private let handle: OpaquePointer
    public let language: String

    /// A stemmer for an ISO 639-1 code or a Snowball name ("en", "english", "de", "porter"); nil when
    /// libstemmer does not know the language.
    public init?(language: String) {
        guard let h = sb_stemmer_new(language.lowercased(), "UTF_8") else { return nil }
        handle = h
        self.language = language
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one lower-cased word ("running" → "run"); the word itself if the stemmer fails.
    public func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.maximumWordBytes else { return word }
        let count = Int32(bytes.count)
        guard let out = bytes.withUnsafeMutableBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: sb_symbol.self, capacity: buffer.count) { sb_stemmer_stem(handle, $0, count) }
        }) else { return word }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }

    /// Stems of the words of a text (lower-cased letter runs).
    public func stems(_ text: String) -> [String] {
        Tokenizer.words(text).map { stem($0.lowercased()) }
    }

    /// Longer "words" (URLs, base64) are returned as they are rather than stemmed.
    static let maximumWordBytes = 256

    /// Languages libstemmer knows (its Snowball names).
    public static var languages: [String] {
        var out: [String] = []
        guard var p = sb_stemmer_list() else { return out }
        while let name = p.pointee { out.append(String(cString: name)); p += 1 }
        return out
    }
}
