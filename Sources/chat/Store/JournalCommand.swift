import ArgumentParser
import Dialogue
import Foundation

/// `chat journal`: lists what was saved in the journal, oldest first.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List your journal entries, oldest first.",
        discussion: """
            Shows what you wrote in the exercises: journal entries, thought records, good things and \
            more. The self-care list, therapist topics and safety plan have their own places: see \
            chat export and chat plan.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Only entries on or after DATE (YYYY-MM-DD), or the last N days as Nd (7d).", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries of kind K: the exercise they came from, such as journal, reframe or two-good-things.",
                               valueName: "K"))
    var kind: String?

    @Option(help: ArgumentHelp("Only entries containing every one of WORDS.", valueName: "WORDS"))
    var search: String?

    func validate() throws { _ = try DateFilter.parse(since) }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let entries = try data.openExisting().map { store throws in
            try store.journal(since: DateFilter.parse(since), kind: kind, search: search)
        } ?? []
        if entries.isEmpty {
            let filtered = since != nil || kind != nil || search != nil
            Output.write(StoreText.text("journal_empty", ["filter": filtered ? StoreText.text("journal_filtered") : ""]) + "\n")
            return
        }
        var text = ""
        for entry in entries {
            text += StoreRecall.day(entry.date) + " " + String(entry.date.dropFirst(11).prefix(5)) + "  " + entry.kind + "\n"
            for line in entry.text.split(separator: "\n", omittingEmptySubsequences: false) { text += "  " + line + "\n" }
            text += "\n"
        }
        Output.write(text)
    }
}

/// Reads `--since`: a date (YYYY-MM-DD) or a number of days back (`7d`).
enum DateFilter {
    static func parse(_ text: String?, now: Date = Date()) throws -> String? {
        guard let text else { return nil }
        if text.hasSuffix("d"), let days = Int(text.dropLast()), days >= 0 {
            return String(ISO8601DateFormatter().string(from: now.addingTimeInterval(-Double(days) * 86_400)).prefix(10))
        }
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) else {
            throw ValidationError("--since '\(text)' is not a date; write it as YYYY-MM-DD (2026-12-01) or as days back (7d)")
        }
        return text
    }
}
