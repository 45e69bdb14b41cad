import DeskModel
@testable import DeskTracking
import Testing

@Suite("Wire markers")
struct RevisionWireMarkerTests {
    @Test("markers come off the head of a headline", arguments: [
        ("UPDATE 2-Storm hits coast", ["UPDATE 2"], "Storm hits coast"),
        ("REFILE-UPDATE 1-Storm hits coast", ["REFILE", "UPDATE 1"], "Storm hits coast"),
        ("CORRECTED-Storm hits coast", ["CORRECTED"], "Storm hits coast"),
        ("WRAPUP 1-Storms hit coast, floods inland", ["WRAPUP 1"], "Storms hit coast, floods inland"),
        ("EXCLUSIVE-Bank weighs sale of unit", ["EXCLUSIVE"], "Bank weighs sale of unit"),
        ("CORRECTED-UPDATE 3-Storm hits coast", ["CORRECTED", "UPDATE 3"], "Storm hits coast"),
        ("UPDATE 2 - Storm hits coast", ["UPDATE 2"], "Storm hits coast"),
        ("CORRECTION: Storm hits coast", ["CORRECTION"], "Storm hits coast"),
        ("Update: Storm hits coast", ["UPDATE"], "Storm hits coast"),
        ("GLOBAL MARKETS-Stocks slip as yields rise", ["GLOBAL MARKETS"], "Stocks slip as yields rise"),
        ("Storm hits coast (UPDATED)", ["UPDATED"], "Storm hits coast"),
    ])
    func markers(headline: String, markers: [String], clean: String) {
        let parsed = WireMarkers.parse(headline)
        #expect(parsed.markers.map(\.text) == markers)
        #expect(parsed.headline == clean)
    }

    @Test("headlines that only look like markers keep their heads", arguments: [
        "US-China talks resume in Geneva",
        "G20-led plan wins backing",
        "Live: Election results as they come in",
        "NEW YORK-based fund raises $2 billion",
        "Update on the case: judge delays ruling",
        "UPDATE",
    ])
    func notMarkers(headline: String) {
        let parsed = WireMarkers.parse(headline)
        #expect(parsed.markers.isEmpty)
        #expect(parsed.headline == headline)
    }

    @Test("kinds, numbers and the match key")
    func kinds() {
        let parsed = WireMarkers.parse("CORRECTED-UPDATE 3-Storm hits coast")
        #expect(parsed.isCorrection)
        #expect(parsed.updateNumber == 3)
        #expect(parsed.markers.map(\.kind) == [.correction, .update])
        #expect(WireMarkers.matchKey("UPDATE 1-Storm hits coast") == WireMarkers.matchKey("Storm hits coast!"))
        #expect(WireMarkers.matchKey("REFILE-Storm hits coast") != WireMarkers.matchKey("Storm leaves coast"))
    }
}
