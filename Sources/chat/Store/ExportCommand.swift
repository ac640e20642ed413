import ArgumentParser
import Dialogue
import Foundation

/// `chat export`: what to bring to the therapist, as Markdown or JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write what to bring to your therapist: topics, thought records, good things, mood, habits and your safety plan.",
        discussion: """
            Writes to standard output: `chat export > notes.md`. The record of hard moments (when the \
            crisis lines were shown: the time only, never what was said) is included only with \
            --sections crisis.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @OptionGroup var data: DataOptions
    @OptionGroup var region: RegionOption

    @Option(help: "Output format: markdown or json.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("Only what was written on or after DATE (YYYY-MM-DD), or the last N days as Nd (7d).", valueName: "DATE"))
    var since: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Which parts to write, in order, separated by spaces or commas (default: all but crisis): "
            + TherapistExport.Section.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "SECTION"))
    var sections: [String] = []

    func validate() throws {
        _ = try DateFilter.parse(since)
        _ = try chosen()
    }

    func chosen() throws -> [TherapistExport.Section] {
        let names = sections.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        if names.isEmpty { return TherapistExport.Section.byDefault }
        return try names.map { name in
            guard let section = TherapistExport.Section(rawValue: name) else {
                throw ValidationError("unknown section '\(name)'; choose from \(TherapistExport.Section.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return section
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let export = try TherapistExport(store: data.openExisting(), sections: chosen(), since: DateFilter.parse(since), today: today,
                                         region: region.resolved)
        Output.write(try format == .json ? export.json() : export.markdown)
    }
}
