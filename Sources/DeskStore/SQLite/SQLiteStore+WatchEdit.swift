import DeskModel
import GRDB

extension SQLiteStore: WatchEditStore {
    public func updateWatch(id: Int64, name: String, query: String, entities: [String], sources: [String], webhookURL: String?) throws {
        try writeDB { db in
            try db.execute(sql: """
                UPDATE web_watches SET name = ?, query = ?, entities = ?, sources = ?, webhook_url = ? WHERE id = ?
                """, arguments: [name, query, Self.jsonList(entities), Self.jsonList(sources), webhookURL, id])
        }
    }
}
