import DeskStore
import Foundation
import Testing

/// Each paged story query runs on an index: no full scan of a desk-sized table and no sort of a whole story,
/// so the story page costs the same at 10k or 1M articles (issue 10's latency goal).
@Suite struct StoryPageQueryPlanTests {
    /// Tables whose size grows with the desk: a plain SCAN of one would grow the page's cost with it.
    static let deskTables = ["articles", "sentences", "timeline", "web_entities", "stories"]
    /// The queries whose order must come from an index (a page of a long section), not a temporary sort.
    static let indexOrdered: Set<String> = ["articles", "updates", "fresh", "revised", "timelineDates"]

    @Test func everyStoryPageQueryUsesAnIndex() throws {
        let folder = NSTemporaryDirectory() + "updesk-plan-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/desk.sqlite")
        for (name, sql) in SQLiteStore.storyPageQueries.sorted(by: { $0.key < $1.key }) {
            let plan = try store.queryPlan(sql)
            for step in plan {
                for table in Self.deskTables {
                    let scans = step.hasPrefix("SCAN \(table)") || step.hasPrefix("SCAN \(table.prefix(1)) ") || step == "SCAN \(table.prefix(1))"
                    #expect(!(scans && !step.contains("USING")), "\(name): \(step)")
                }
            }
            if Self.indexOrdered.contains(name) {
                #expect(!plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "\(name) sorts: \(plan)")
            }
            #expect(plan.contains { $0.contains("USING") }, "\(name) uses no index: \(plan)")
        }
    }

    /// A reader's unseen count per listed story is a range of the partial index of new facts, not a count over
    /// every story of the desk (seconds per page view at 1M articles before).
    @Test func unseenCountReadsOneStorysRange() throws {
        let folder = NSTemporaryDirectory() + "updesk-plan-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/desk.sqlite")
        let plan = try store.queryPlan(SQLiteStore.unseenQuery)
        #expect(plan.contains { $0.contains("SEARCH x USING") && $0.contains("story_id=?") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
    }

    /// The stories list walks `stories_recent` in order and stops after the page: no sort of every story (whose
    /// per-story counts would then run for the whole desk).
    @Test func storiesListWalksTheRecencyIndex() throws {
        let folder = NSTemporaryDirectory() + "updesk-plan-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/desk.sqlite")
        let plan = try store.queryPlan(SQLiteStore.storiesListQuery)
        #expect(plan.contains { $0.contains("stories_recent") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "the stories list sorts: \(plan)")
    }
}
