import Foundation

/// Runs the `updesk` executable to the end and measures it from outside: exit status, CPU seconds (`wait4`'s
/// rusage) and peak resident memory (VmHWM) of that one process, with standard output and error kept in files.
/// Foundation's `Process` reaps its children itself, so this spawns with `posix_spawn` to own the `wait4`.
struct MeasuredRun {
    var status: Int32
    /// User plus system CPU time of the process.
    var cpuSeconds: Double
    /// Peak resident set size (VmHWM, sampled), in MB.
    var peakMB: Double
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String = "/dev/null",
                    in dir: URL, wrapper: [String] = []) throws -> MeasuredRun {
        let outPath = dir.appendingPathComponent("out-\(UUID().uuidString)").path
        let errPath = dir.appendingPathComponent("err-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env["UPDESK_DB"] = nil
        for (k, v) in extra { env[k] = v }
        // `wrapper` runs the binary through another program (e.g. setpriv to drop root).
        let argv = wrapper + [Paths.updesk.path] + arguments
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned: Int32 = withCStrings(argv) { cArgv in
            withCStrings(envStrings) { cEnv in posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnv) }
        }
        guard spawned == 0 else { throw HarnessError("posix_spawn failed: \(spawned)") }
        // ru_maxrss is no use here: a spawned child starts with its parent's high-water mark (the test process's),
        // and keeps it across exec. The child's own peak is VmHWM in /proc/PID/status (its new address space's
        // high-water mark), sampled every 2 ms until it exits.
        var status: Int32 = 0
        var usage = rusage()
        var peakKB = 0
        while true {
            peakKB = max(peakKB, Self.highWaterKB(pid))
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw HarnessError("wait4 failed: \(errno)") }
            usleep(2_000)
        }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return MeasuredRun(status: exit, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                           peakMB: Double(peakKB) / 1024,
                           stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                           stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    /// VmHWM of a running process, in kB (0 once it has exited or when unreadable).
    static func highWaterKB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
