import ArgumentParser

@main
struct UpdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updesk",
        abstract: "UpdateDesk: from a firehose of news to only what is new, per story.",
        subcommands: [ExtractCommand.self, EvalCommand.self]
    )
}
