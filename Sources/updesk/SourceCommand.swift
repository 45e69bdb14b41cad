import ArgumentParser

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Manage what the desk fetches: feeds (RSS, Atom, JSON Feed) and pages watched for new versions.",
        discussion: "Then run `updesk fetch` to poll the sources that are due.",
        subcommands: [SourceAddCommand.self, SourceListCommand.self, SourceRemoveCommand.self, SourcePauseCommand.self,
                      SourceResumeCommand.self, SourceImportCommand.self, SourceExportCommand.self]
    )
}
