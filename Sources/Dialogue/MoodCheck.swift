import Intents

/// The optional mood rating before and after an exercise, for people who turned it on in the
/// mood check-in (`mood_check` is `on` in the store).
///
/// It is one question each time, and anything but a number skips it. It is never asked around
/// the crisis flow or the mood check-in itself, and not after an exercise left with a command
/// or interrupted by the safety screen.
struct MoodCheck {
    /// What the next line answers, if anything.
    enum Waiting {
        /// The rating before `flow`, which starts once it is answered or skipped.
        case before(Flow)
        /// The rating after the exercise with this id.
        case after(String)
    }

    var waiting: Waiting?
    /// The exercise whose rating before was given, to ask again when it ends.
    var asked: String?

    /// The store's setting, as flows and the session read it.
    static let setting = "mood_check"

    /// Whether `flow` gets the question, given the saved data.
    static func applies(to flow: Flow, recalled: [String: String]) -> Bool {
        recalled[setting] == "on" && flow.showInMenu && flow.asksMood && !flow.isCrisisFlow && flow.id.value != "mood"
    }

    /// The question's lines for `key` in Scripts/store.yaml.
    static func lines(_ key: String) -> [String] { StoreText.text(key).split(separator: "\n").map(String.init) }

    /// Called once a turn is answered: asks the rating after when the exercise that had one before
    /// has just ended on its own.
    mutating func finish(was before: String?, now: String?, reply: inout Reply, command: Bool) {
        guard let asked, before == asked, now != asked else { return }
        self.asked = nil
        guard now == nil, !command, reply.safety < .concern, !reply.quit else { return }
        waiting = .after(asked)
        reply.lines += Self.lines("mood_after")
    }
}
