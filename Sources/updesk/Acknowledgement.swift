import DeskExtract
import DeskModel
import Foundation

/// `updesk ingest --ack`: the line printed for a document after its transaction committed. A process that
/// reads it may rely on the document being stored exactly once, even if ingest is killed a moment later.
enum Acknowledgement {
    static func line(_ doc: RawDocument, _ outcome: PlacementOutcome) -> String {
        let id = doc.id.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        return "ack\t\(id)\t\(outcome.action.rawValue)\t\(outcome.storyID.map(String.init) ?? "-")\n"
    }

    /// Written straight to file descriptor 1 (no buffer to lose when the process is killed).
    static func emit(_ doc: RawDocument, _ outcome: PlacementOutcome) {
        let bytes = Array(line(doc, outcome).utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
