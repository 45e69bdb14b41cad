import DeskStore
import Foundation
import Testing

/// Placement's per-article lookups run on an index, so placing one article costs the same at 10k or 1M articles
/// (issue 5's flat growth). Before `v6-article-lookups` each new article scanned every SimHash band of the desk.
@Suite struct PlacementQueryPlanTests {
    @Test func perArticleLookupsUseAnIndex() throws {
        let folder = NSTemporaryDirectory() + "updesk-plan-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/desk.sqlite")
        #expect(!SQLiteStore.placementLookups.isEmpty)
        for (name, sql) in SQLiteStore.placementLookups.sorted(by: { $0.key < $1.key }) {
            let plan = try store.queryPlan(sql)
            #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("USING") }, "\(name) scans a whole table: \(plan)")
            #expect(plan.contains { $0.contains("USING") }, "\(name) uses no index: \(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(name) sorts: \(plan)")
        }
    }
}
