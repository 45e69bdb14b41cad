import Foundation
import Testing

/// Paths the tests need: the package root, the shared evaluation data beside it, scratch folders.
enum Paths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let seed = shared.appendingPathComponent("fixtures/seed-article.txt")
    static let samples = packageRoot.appendingPathComponent("Samples")
    static let golden = packageRoot.appendingPathComponent("Tests/DeskPipelineTests/Golden")

    static func scratch(_ name: String = "t") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("updesk-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `updesk` executable built next to the tests (`swift build --build-tests` builds both).
    static var updesk: URL {
        let env = ProcessInfo.processInfo.environment["UPDESK_BIN"]
        if let env { return URL(fileURLWithPath: env) }
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("updesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/updesk")
    }
}

/// Golden files: the expected output lives in `Tests/DeskPipelineTests/Golden`. Run the tests with
/// `UPDESK_RECORD_GOLDEN=1` to re-record them after an intended change, then review the diff.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["UPDESK_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Paths.golden.appendingPathComponent(name)
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("golden file \(name) is missing: run with UPDESK_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs from its golden file at line \(line + 1):
                  expected: \(line < e.count ? String(e[line]) : "<end>")
                  actual:   \(line < a.count ? String(a[line]) : "<end>")
                (re-record with UPDESK_RECORD_GOLDEN=1 if the change is intended)
                """, sourceLocation: sourceLocation)
        }
    }
}

/// Runs the `updesk` executable and captures what it prints.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], stdin: Data? = nil, cwd: URL = Paths.packageRoot) throws -> CLIRun {
        let process = Process()
        process.executableURL = Paths.updesk
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["UPDESK_DB"] = nil
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        let errData = errBox.data
        return CLIRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

final class DataBox: @unchecked Sendable {
    var data = Data()
}
