import DeskPipeline
import DeskQueue
import DeskStore
import DeskStorePostgres
import DeskWeb
import Foundation

extension StoreOptions {
    /// What `serve` runs on: the desk, where POSTed documents go (PostgreSQL: the job queue, placed by
    /// workers), and the PostgreSQL desk whose update notices make the node refresh at once.
    func openWeb() throws -> (desk: any WebBackend, intake: (any DocumentIntake)?, feed: PostgresLocation?) {
        try presenting {
            if PostgresLocation.isPostgres(db) {
                let desk = try PostgresStore(url: db)
                return (desk, QueueIntake(queue: JobQueue(store: desk)), desk.location)
            }
            return (try SQLiteStore(path: db), nil, nil)
        }
    }
}
