import Foundation

/// Runs one of the project's Python scorers (`../shared/tools/score_*.py`) when it can be found, so
/// `updesk eval` prints the official figure as its last line for tasks whose metric is not re-implemented
/// in Swift. The scorer is looked for beside the data (`DATA/../../tools`), then in `$UPDESK_TOOLS`.
public enum OfficialScorer {
    public static func locate(_ script: String, near data: URL) -> URL? {
        var candidates = [data.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools"),
                          data.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools")]
        if let env = ProcessInfo.processInfo.environment["UPDESK_TOOLS"] { candidates.insert(URL(fileURLWithPath: env), at: 0) }
        return candidates.map { $0.appendingPathComponent(script) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Runs `python3 script args...` (or `$UPDESK_PYTHON`, e.g. a virtual environment holding the scorers'
    /// packages); returns its standard output (the scorer's summary ends it).
    public static func run(_ script: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["UPDESK_PYTHON"] ?? "python3", script.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EvalError.malformed(script.path, "scorer exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
