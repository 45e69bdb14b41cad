import DeskStore
import Testing

/// The same contract checks on every backend.
@Suite("Store contract")
struct StoreContractTests {
    @Test("passes the store contract", arguments: Backend.available, StoreContract.all.map(\.0))
    func contract(_ backend: Backend, _ name: String) throws {
        let check = try #require(StoreContract.all.first { $0.0 == name }?.1)
        try check(try backend.freshStore())
    }

    @Test("the PostgreSQL backend is under test", .enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
    func postgresConfigured() throws {
        #expect(Backend.available.contains(.postgres))
        _ = try TestPostgres.freshStore()
    }
}
