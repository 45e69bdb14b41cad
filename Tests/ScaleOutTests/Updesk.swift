import Foundation

/// The real `updesk` binary, run as a user runs it (serve, worker, source, fetch), off the cooperative pool.
enum Updesk {
    static var binary: URL {
        if let env = ProcessInfo.processInfo.environment["UPDESK_BIN"] { return URL(fileURLWithPath: env) }
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("updesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/updesk")
    }

    struct Run: Sendable { var status: Int32; var stdout: String; var stderr: String }

    static func environment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["UPDESK_DB"] = nil
        env["UPDESK_ALLOW_PRIVATE_ADDRESSES"] = nil
        return env
    }

    /// Runs updesk to its end on a thread of its own.
    static func run(_ arguments: [String]) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let process = Process()
                    process.executableURL = binary
                    process.arguments = arguments
                    process.environment = environment()
                    let out = Pipe(), err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    let errData = Holder()
                    let done = DispatchSemaphore(value: 0)
                    Thread.detachNewThread { errData.data = err.fileHandleForReading.readDataToEndOfFile(); done.signal() }
                    let outData = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    done.wait()
                    continuation.resume(returning: Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                                       stderr: String(decoding: errData.data, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// A running `updesk serve`: started with --port 0, its port read from the line it prints at start.
    final class Server: @unchecked Sendable {
        let process = Process()
        let port: Int
        private let log = Holder()

        init(arguments: [String]) async throws {
            process.executableURL = Updesk.binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.environment = Updesk.environment()
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let log = self.log
            port = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    var resumed = false
                    let handle = err.fileHandleForReading
                    while true {
                        let chunk = handle.availableData
                        if chunk.isEmpty { break }
                        log.append(chunk)
                        let text = log.text
                        if !resumed, let range = text.range(of: #"on http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                            let digits = text[range].split(separator: ":").last?.filter(\.isNumber) ?? ""
                            resumed = true
                            continuation.resume(returning: Int(digits) ?? 0)
                        }
                    }
                    if !resumed { continuation.resume(throwing: ServeFailed(log: log.text)) }
                }
            }
        }

        var base: String { "http://127.0.0.1:\(port)" }
        var stderr: String { log.text }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    struct ServeFailed: Error, CustomStringConvertible {
        var log: String
        var description: String { "updesk serve did not start: \(log)" }
    }
}

final class Holder: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    var data: Data {
        get { lock.lock(); defer { lock.unlock() }; return bytes }
        set { lock.lock(); bytes = newValue; lock.unlock() }
    }
    func append(_ chunk: Data) { lock.lock(); bytes.append(chunk); lock.unlock() }
    var text: String { String(decoding: data, as: UTF8.self) }
}
