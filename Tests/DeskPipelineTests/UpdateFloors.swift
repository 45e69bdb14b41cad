import DeskPipeline
import Foundation
import Testing

/// Floors for what is new (issue 6): daily updates and timelines, on a subset of the shared data so the
/// debug test run stays short (the full figures come from `updesk eval updates|timelines`, see the notes).
/// Date F1 is computed in Swift by the scorer's definition; the ROUGE figures need the Python scorer with
/// its packages (`$UPDESK_PYTHON`, see ../shared/tools/README.md) and are skipped without it.
enum UpdateFloors {
    /// `TimelinesEval` on MJ_bbc + haiti_bbc: date F1 (0.852 measured with retrospective mention weights; all
    /// 7 folders: 0.612).
    static let timelineDateF1 = 0.85
    /// `updesk eval updates` on haitian_earthquake: ROUGE-2 F1, max over annotators (0.1030 measured; all 3
    /// events: 0.076).
    static let haitiUpdatesR2 = 0.10
    /// `score_timelines.py --backend own` on MJ_bbc + haiti_bbc: AR-1 F1 (0.311 measured).
    static let timelineOwnAR1 = 0.31

    static let timelineFolders: Set<String> = ["MJ_bbc", "haiti_bbc"]

    static var python: String? {
        guard let p = ProcessInfo.processInfo.environment["UPDESK_PYTHON"], FileManager.default.isExecutableFile(atPath: p) else {
            return nil
        }
        return p
    }

    static let tools = Paths.shared.appendingPathComponent("tools")

    /// Runs a scorer and returns the value of `key=` on its last line.
    static func score(_ script: String, _ arguments: [String], key: String) throws -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [tools.appendingPathComponent(script).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last ?? ""
        guard let field = last.split(separator: " ").first(where: { $0.hasPrefix(key + "=") }) else { return nil }
        return Double(field.dropFirst(key.count + 1))
    }
}

@Suite("What-is-new floors", .serialized)
struct UpdateFloorTests {
    @Test("timelines: date F1 on two folders stays at or above its floor")
    func timelineDates() throws {
        let eval = TimelinesEval(data: Paths.shared.appendingPathComponent("eval/timelines"), folders: UpdateFloors.timelineFolders)
        let result = try eval.run()
        #expect(result.dates.tasks == 2)
        #expect(result.dates.f1 >= UpdateFloors.timelineDateF1, "\(result.dates)")
        if UpdateFloors.python != nil {
            let out = Paths.scratch("timelines").appendingPathComponent("pred.json")
            try TimelinesEval.json(result.predictions).write(to: out)
            let ar1 = try UpdateFloors.score("score_timelines.py", [out.path, "--backend", "own", "--folders",
                                                                    UpdateFloors.timelineFolders.sorted().joined(separator: ",")], key: "AR1")
            #expect((ar1 ?? 0) >= UpdateFloors.timelineOwnAR1, "AR1=\(ar1 ?? -1)")
        }
    }

    @Test("updates: ROUGE-2 on one event stays at or above its floor", .enabled(if: UpdateFloors.python != nil))
    func updates() throws {
        let result = try UpdatesEval(data: Paths.shared.appendingPathComponent("eval/updates"), events: ["haitian_earthquake"]).run()
        #expect(result.predictions["haitian_earthquake"]?.isEmpty == false)
        #expect(result.predictions.values.flatMap(\.values).allSatisfy { $0.split(separator: " ").count <= UpdatesEval.wordLimit })
        let out = Paths.scratch("updates").appendingPathComponent("pred.json")
        try UpdatesEval.json(result.predictions).write(to: out)
        let r2 = try UpdateFloors.score("score_updates.py", [out.path, "--events", "haitian_earthquake", "--no-ceiling"], key: "R2")
        #expect((r2 ?? 0) >= UpdateFloors.haitiUpdatesR2, "R2=\(r2 ?? -1)")
    }
}
