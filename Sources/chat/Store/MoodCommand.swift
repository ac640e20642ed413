import ArgumentParser
import Dialogue
import Foundation

/// `chat mood`: the mood ratings over time as a small chart, and whether the exercises helped.
struct MoodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mood",
        abstract: "Show your mood ratings over time, and the average before and after each exercise.",
        discussion: """
            Draws one bar per rating with Unicode blocks; with NO_COLOR set or TERM=dumb it uses \
            plain # and . instead. Add a rating by starting chat and typing "mood check-in".
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Only ratings on or after DATE (YYYY-MM-DD), or the last N days as Nd (7d).", valueName: "DATE"))
    var since: String?

    func validate() throws { _ = try DateFilter.parse(since) }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let ratings = try data.openExisting()?.moods(since: DateFilter.parse(since)) ?? []
        guard !ratings.isEmpty else {
            Output.write(StoreText.text("mood_empty") + "\n")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let plain = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        let summary = MoodSummary(ratings)
        var text = StoreText.text("mood_title") + "\n" + summary.sparkline(plain: plain) + "\n\n"
        for rating in ratings {
            let note = rating.phase == "check-in" ? "" : "  \(rating.phase) \(rating.flow)"
            text += "\(MoodSummary.when(rating))  \(MoodSummary.bar(rating.rating, plain: plain)) \(String(format: "%2d", rating.rating))\(note)\n"
        }
        let helped = summary.helpedLines
        if !helped.isEmpty {
            text += "\n" + StoreText.text("mood_helped_title") + "\n"
            for line in helped { text += "- " + line + "\n" }
        }
        Output.write(text)
    }
}
