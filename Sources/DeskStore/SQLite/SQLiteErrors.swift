import GRDB

extension StoreError {
    /// Maps SQLite's result codes to what a person can act on.
    static func from(_ error: any Error) -> any Error {
        guard let db = error as? DatabaseError else { return error }
        let detail = db.message ?? "\(db.resultCode)"
        switch db.resultCode.primaryResultCode {
        case .SQLITE_FULL: return StoreError(.diskFull, detail)
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError(.readOnly, detail)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError(.corrupt, detail)
        case .SQLITE_CANTOPEN: return StoreError(.open, detail)
        default: return StoreError(.query, detail)
        }
    }
}
