import ArgumentParser

@main
struct UpdeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updesk",
        abstract: "UpdateDesk: from a firehose of news to only what is new, per story.",
        discussion: "Every subcommand answers --help. Shell completions: updesk --generate-completion-script bash|zsh|fish.",
        subcommands: [DemoCommand.self, ExtractCommand.self, IngestCommand.self, StoriesCommand.self, StoryCommand.self,
                      DigestCommand.self, ExportCommand.self, SearchCommand.self, EvalCommand.self, BenchCommand.self,
                      TrainNERCommand.self, AnalyzeCommand.self, SourceCommand.self, FetchCommand.self, ServeCommand.self,
                      MigrateCommand.self, CopyCommand.self, WorkerCommand.self, UserCommand.self]
    )
}
