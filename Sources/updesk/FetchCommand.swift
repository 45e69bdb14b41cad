import ArgumentParser
import DeskSources
import Foundation

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Poll the sources that are due and ingest what is new through the ingest pipeline.",
        discussion: """
        Conditional GETs (ETag, Last-Modified), Retry-After and 429/503 honoured, failing sources backed off \
        exponentially (the reason is shown by `source list`), one request at a time per host. Loopback, \
        link-local and private addresses are refused unless --allow-private-addresses is given. Without --once, \
        polls forever, sleeping until the next source is due.
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var fetch: FetchOptions

    @OptionGroup var polling: PollingOptions

    @Flag(help: "Poll the due sources once, then exit.")
    var once = false

    func run() throws {
        let (desk, intake) = try store.openDesk()
        let poller = SourcePoller(store: desk, fetcher: fetch.fetcher, options: polling.options, logger: Log.logger("updesk.fetch"),
                                  intake: intake)
        if once {
            let report = try presenting { try AsyncBridge.run { try await poller.runOnce() } }
            for failure in report.failures { Diagnostics.warn(failure) }
            print(report.summary)
        } else {
            try presenting {
                try AsyncBridge.run {
                    try await poller.run { report in
                        for failure in report.failures { Diagnostics.warn(failure) }
                        FileHandle.standardOutput.write(Data((report.summary + "\n").utf8))
                    }
                }
            }
        }
    }
}
