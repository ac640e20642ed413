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
            let when = StoreRecall.day(rating.date) + " " + String(rating.date.dropFirst(11).prefix(5))
            let note = rating.phase == "check-in" ? "" : "  \(rating.phase) \(rating.flow)"
            text += "\(when)  \(MoodSummary.bar(rating.rating, plain: plain)) \(String(format: "%2d", rating.rating))\(note)\n"
        }
        let exercises = summary.exercises
        if !exercises.isEmpty {
            text += "\n" + StoreText.text("mood_helped_title") + "\n"
            for exercise in exercises {
                text += "- " + StoreText.text("mood_helped_row", [
                    "exercise": exercise.flow, "before": String(format: "%.1f", exercise.before),
                    "after": String(format: "%.1f", exercise.after),
                    "times": exercise.count == 1 ? StoreText.text("mood_once") : StoreText.text("mood_times", ["count": String(exercise.count)]),
                ]) + "\n"
            }
        }
        Output.write(text)
    }
}
