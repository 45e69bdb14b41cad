import DeskModel
import Foundation

/// Reads the paths a user names (files, folders recursively, `.gz`, JSON Lines streams, `-` for stdin)
/// and hands out one document at a time. An input that cannot be read is reported and skipped.
public struct InputReader: Sendable {
    public enum Item: Sendable {
        case document(RawDocument)
        case rejected(InputError)
    }

    public init() {}

    /// Extensions stripped from a file name to make its id, outermost first.
    static let idExtensions = [".gz", ".txt", ".html", ".htm", ".xhtml"]
    static let streamExtensions = [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"]
    /// Files in a folder that are never documents.
    static let skippedNames: Set<String> = [".DS_Store", "Thumbs.db"]
    /// In a folder walk, files with these endings are read; a file without an ending is sniffed; any other
    /// file (README.md, images, PDFs) is reported as not a document. A file named on the command line is
    /// always read.
    static let documentExtensions: Set<String> = ["html", "htm", "xhtml", "txt", "text", "gz", "jsonl", "ndjson"]

    public static func id(forFileName name: String) -> String {
        var id = name
        for ext in idExtensions where id.lowercased().hasSuffix(ext) {
            id = String(id.dropLast(ext.count))
        }
        return id
    }

    /// Calls `handle` for every document or rejection, in a stable order (folders sorted by path).
    public func read(paths: [String], stdin: FileHandle = .standardInput, handle: (Item) throws -> Void) rethrows {
        for path in paths {
            if path == "-" {
                // Standard input has no size to check first: read at most the stream limit, and refuse past it.
                let data = readAll(stdin, limit: InputLimits.maxStreamBytes)
                if data.count > InputLimits.maxStreamBytes {
                    try handle(.rejected(InputError(input: "stdin", reason: .tooLarge,
                                                    detail: "more than \(InputLimits.maxStreamBytes >> 20) MB on standard input")))
                    continue
                }
                try readData(data, name: "stdin", origin: "stdin", handle: handle)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                try handle(.rejected(InputError(input: path, reason: .notFound, detail: "no such file or folder")))
                continue
            }
            if isDirectory.boolValue {
                for file in Self.files(under: path) {
                    let ext = (file as NSString).pathExtension.lowercased()
                    if ext.isEmpty || Self.documentExtensions.contains(ext) {
                        try readFile(file, handle: handle)
                    } else {
                        try handle(.rejected(InputError(input: file, reason: .unsupported,
                                                        detail: "not a document type (.\(ext)); name the file itself to read it anyway")))
                    }
                }
            } else {
                try readFile(path, handle: handle)
            }
        }
    }

    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || skippedNames.contains(name) { continue }
            let full = (folder as NSString).appendingPathComponent(relative)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out.append(full) }
        }
        return out.sorted()
    }

    func readFile(_ path: String, handle: (Item) throws -> Void) rethrows {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let name = (path as NSString).lastPathComponent
        let isStream = Self.streamExtensions.contains { name.lowercased().hasSuffix($0) }
        let limit = isStream ? InputLimits.maxStreamBytes : InputLimits.maxDocumentBytes
        if size > limit {
            try handle(.rejected(InputError(input: path, reason: .tooLarge,
                                            detail: "file is \(size >> 20) MB; the limit is \(limit >> 20) MB")))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            try handle(.rejected(InputError(input: path, reason: .unreadable, detail: "cannot be read (permissions?)")))
            return
        }
        try readData(data, name: name, origin: path, handle: handle)
    }

    /// Reads until the end or until more than `limit` bytes were read (then returns limit + 1 bytes or more).
    func readAll(_ handle: FileHandle, limit: Int) -> Data {
        var data = Data()
        while data.count <= limit {
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        return data
    }

    func readData(_ raw: Data, name: String, origin: String, handle: (Item) throws -> Void) rethrows {
        var data = raw
        let lowered = name.lowercased()
        let isStreamName = Self.streamExtensions.contains { lowered.hasSuffix($0) }
        if Gzip.isGzip(data) {
            let limit = isStreamName ? InputLimits.maxStreamBytes : InputLimits.maxDocumentBytes
            switch Result(catching: { () throws(Gzip.Failure) -> Data in try Gzip.decompress(data, limit: limit) }) {
            case .success(let inflated):
                data = inflated
            case .failure(.tooLarge(let limit)):
                try handle(.rejected(InputError(input: origin, reason: .tooLarge, detail: "decompresses to more than \(limit >> 20) MB")))
                return
            case .failure(.corrupt(let why)):
                try handle(.rejected(InputError(input: origin, reason: .unreadable, detail: "broken gzip data (\(why))")))
                return
            }
        }
        if isStreamName || (name == "stdin" && Self.looksLikeJSONL(data)) {
            try readStream(data, origin: origin, handle: handle)
            return
        }
        // Files were measured before reading; standard input only now.
        if data.count > InputLimits.maxDocumentBytes {
            try handle(.rejected(InputError(input: origin, reason: .tooLarge,
                                            detail: "document is \(data.count >> 20) MB; the limit is \(InputLimits.maxDocumentBytes >> 20) MB")))
            return
        }
        let text: String
        var warnings: [String] = []
        switch Result(catching: { () throws(TextDecoding.Failure) -> (text: String, fallback: String?) in try TextDecoding.decodeReporting(data) }) {
        case .success(let decoded):
            text = decoded.text
            if let note = decoded.fallback { warnings.append(note) }
        case .failure(.empty):
            try handle(.rejected(InputError(input: origin, reason: .empty, detail: "file is empty")))
            return
        case .failure(.binary):
            try handle(.rejected(InputError(input: origin, reason: .binary, detail: "looks like binary data, not text or HTML")))
            return
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            try handle(.rejected(InputError(input: origin, reason: .empty, detail: "holds only white space")))
            return
        }
        let kind: InputKind
        if lowered.hasSuffix(".txt") || lowered.hasSuffix(".txt.gz") {
            kind = .text
        } else if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".html.gz") || lowered.hasSuffix(".htm.gz") {
            kind = .html
        } else {
            kind = InputKindSniffer.kind(of: text)
        }
        var document = RawDocument(id: Self.id(forFileName: name), origin: origin, kind: kind, text: text)
        document.warnings = warnings
        try handle(.document(document))
    }

    static func looksLikeJSONL(_ data: Data) -> Bool {
        guard let first = data.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        return first == UInt8(ascii: "{")
    }

    /// A JSON Lines stream: each line one record; a bad line is reported with its number and skipped.
    func readStream(_ data: Data, origin: String, handle: (Item) throws -> Void) rethrows {
        var lineNumber = 0
        var start = data.startIndex
        let end = data.endIndex
        while start < end {
            let newline = data[start...].firstIndex(of: 0x0A) ?? end
            lineNumber += 1
            let lineData = data[start..<newline]
            start = newline < end ? data.index(after: newline) : end
            let where_ = "\(origin):\(lineNumber)"
            if lineData.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if lineData.count > InputLimits.maxRecordBytes {
                try handle(.rejected(InputError(input: where_, reason: .tooLarge, detail: "line is longer than \(InputLimits.maxRecordBytes >> 20) MB")))
                continue
            }
            guard let line = String(validatingUTF8Bytes: [UInt8](lineData)) else {
                try handle(.rejected(InputError(input: where_, reason: .invalidEncoding, detail: "line is not valid UTF-8")))
                continue
            }
            switch IngestRecord.parse(line: line, origin: where_) {
            case .success(let doc): try handle(.document(doc))
            case .failure(let error): try handle(.rejected(error))
            }
        }
    }
}
