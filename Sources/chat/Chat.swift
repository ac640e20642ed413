import ArgumentParser
import Foundation

/// The `chat` command: talk (the default), and the tools for flow authors.
@main
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "A companion for the time between therapy sessions, and a workbench for its dialogue flows.",
        discussion: """
            With no subcommand, chat talks with you. It is not therapy, no person reads what you \
            type, and it can't contact anyone. If you are in danger, call your local emergency number.
            """,
        version: "0.1.0",
        subcommands: [Talk.self, JournalCommand.self, MoodCommand.self, PlanCommand.self, ExportCommand.self, ForgetCommand.self, TestTranscripts.self, Lint.self, MatchCommand.self, Graph.self],
        defaultSubcommand: Talk.self
    )

    static func main() {
        // Every subcommand learns of a closed pipe from write's EPIPE and ends quietly (Output).
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        LibraryPrefetch.start(arguments: arguments)
        main(arguments)
    }
}
