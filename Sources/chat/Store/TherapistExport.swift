import Dialogue
import Foundation

/// What to bring to the therapist, gathered from the store, written as Markdown or JSON.
struct TherapistExport {
    /// The parts an export can have, in the order they are written.
    enum Section: String, CaseIterable {
        case topics, thoughts, good, journal, mood, habits, plan, selfCare = "self-care", crisis

        /// Every section but the record of hard moments, which is included only when asked for.
        static let byDefault = allCases.filter { $0 != .crisis }
    }

    /// Journal kinds with a section of their own.
    static let thoughtKinds: Set<String> = ["reframe"]
    static let goodKinds: Set<String> = ["two-good-things"]

    var topics: [TherapistTopic] = []
    var thoughts: [StoredEntry] = []
    var good: [StoredEntry] = []
    var journal: [StoredEntry] = []
    var moods: [MoodRating] = []
    var habits: [Habit] = []
    var plan: [Int: String] = [:]
    var selfCare: [String] = []
    var crisis: [CrisisEvent] = []
    var sections: [Section]
    var since: String?
    var today: String
    var region: CrisisDirectory.Region

    /// Reads everything the chosen sections need.
    init(store: Store?, sections: [Section], since: String?, today: String, region: CrisisDirectory.Region) throws {
        self.sections = sections
        self.since = since
        self.today = today
        self.region = region
        guard let store else { return }
        topics = try store.topics(all: true)
        let entries = try store.journal(since: since)
        thoughts = entries.filter { Self.thoughtKinds.contains($0.kind) }
        good = entries.filter { Self.goodKinds.contains($0.kind) }
        journal = entries.filter { !Self.thoughtKinds.contains($0.kind) && !Self.goodKinds.contains($0.kind) }
        moods = try store.moods(since: since)
        habits = try store.habits()
        plan = try store.safetyPlan()
        selfCare = try store.selfCare()
        crisis = try store.crisisEvents(since: since)
    }

    // MARK: - Markdown

    /// The export as Markdown: a title, a line saying what it covers, then one `##` part per section.
    var markdown: String {
        var out = "# " + StoreText.text("export_title") + "\n\n"
        let range = since.map { StoreText.text("export_since", ["since": $0, "today": today]) } ?? StoreText.text("export_all_time")
        out += StoreText.text("export_intro", ["range": range]) + "\n"
        for section in sections {
            out += "\n## " + StoreText.text(heading(section)) + "\n\n"
            let body = markdown(section)
            out += body.isEmpty ? "_" + StoreText.text("export_nothing") + "_\n" : body
        }
        return out
    }

    func heading(_ section: Section) -> String {
        switch section {
        case .topics: return "export_topics"
        case .thoughts: return "export_thoughts"
        case .good: return "export_good"
        case .journal: return "export_journal"
        case .mood: return "export_mood"
        case .habits: return "export_habits"
        case .plan: return "export_plan"
        case .selfCare: return "export_self_care"
        case .crisis: return "export_crisis"
        }
    }

    func markdown(_ section: Section) -> String {
        switch section {
        case .topics:
            let open = topics.filter { $0.discussed == nil }, done = topics.filter { $0.discussed != nil }
            var out = open.map { "- " + Self.escape($0.text) + " _(" + StoreRecall.day($0.date) + ")_\n" }.joined()
            if !done.isEmpty {
                out += (out.isEmpty ? "" : "\n") + "### " + StoreText.text("export_discussed") + "\n\n"
                out += done.map { "- " + Self.escape($0.text) + "\n" }.joined()
            }
            return out
        case .thoughts: return entries(thoughts)
        case .good: return entries(good)
        case .journal: return entries(journal)
        case .mood:
            guard !moods.isEmpty else { return "" }
            let summary = MoodSummary(moods)
            var out = "`" + summary.sparkline(plain: false) + "` (0 to 10, oldest first)\n\n"
            out += "| When | Rating | |\n|---|---:|---|\n"
            for rating in moods {
                let note = rating.phase == "check-in" ? "" : "\(rating.phase) \(rating.flow)"
                out += "| \(MoodSummary.when(rating)) | \(rating.rating) | \(note) |\n"
            }
            let helped = summary.helpedLines
            if !helped.isEmpty {
                out += "\n### " + StoreText.text("mood_helped_title") + "\n\n"
                for line in helped { out += "- " + line + "\n" }
            }
            return out
        case .habits:
            return habits.map { habit in
                var out = "- **" + Self.escape(habit.name) + "**"
                if !habit.step.isEmpty { out += "  \n  " + StoreText.text("export_habit_step", ["step": Self.escape(habit.step)]) }
                if !habit.checkIns.isEmpty {
                    let list = habit.checkIns.map { StoreRecall.day($0.date) + ": " + Self.escape($0.outcome) }.joined(separator: "; ")
                    out += "  \n  " + StoreText.text("export_habit_checkins", ["checkins": list])
                }
                return out + "\n"
            }.joined()
        case .plan:
            guard !plan.isEmpty else { return "" }
            var out = ""
            for step in 1...6 {
                out += "\(step). **" + StoreText.text("plan_step_\(step)") + "**  \n   "
                out += plan[step].map(Self.escape) ?? "_" + StoreText.text("plan_not_filled") + "_"
                out += step == 5 ? "  \n" : "\n"  // a hard break before the lines that follow
                if step == 5 {
                    out += "   " + StoreText.text("plan_lines_note", ["region_name": region.name]) + "\n"
                    for line in region.lines { out += "   - " + Self.escape(line.summary) + "\n" }
                }
            }
            return out
        case .selfCare:
            return selfCare.map { "- " + Self.escape($0) + "\n" }.joined()
        case .crisis:
            return crisis.map {
                "- " + StoreText.text("export_crisis_row", ["date": StoreRecall.day($0.date) + " " + $0.date.dropFirst(11).prefix(5), "tier": $0.tier])
                    + "\n"
            }.joined()
        }
    }

    /// Entries as a `###` heading with the date, then each line of the text; a first line that
    /// only names the exercise ("Thought record") is dropped, the heading says it.
    func entries(_ list: [StoredEntry]) -> String {
        list.map { entry in
            var lines = entry.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            if lines.count > 1, !lines[0].contains(":") { lines.removeFirst() }
            // Numbered lines ("1. ...") already make a list; other lines become one.
            let numbered = lines.allSatisfy { $0.first?.isNumber == true && $0.contains(". ") }
            let body = lines.count == 1 ? Self.escape(lines[0]) + "\n"
                : lines.map { (numbered ? "" : "- ") + Self.escape($0) + "\n" }.joined()
            return "### " + StoreRecall.day(entry.date) + " " + entry.date.dropFirst(11).prefix(5) + "\n\n" + body
        }.joined(separator: "\n")
    }

    /// The person's text with the characters Markdown would act on made literal.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    // MARK: - JSON

    /// The export as one JSON object, keys sorted; only the chosen sections are present.
    func json() throws -> String {
        var object: [String: Any] = ["generated": today, "since": since ?? NSNull()]
        func entries(_ list: [StoredEntry]) -> [[String: Any]] {
            list.map { ["date": $0.date, "flow": $0.flow, "kind": $0.kind, "text": $0.text] }
        }
        for section in sections {
            switch section {
            case .topics: object["topics"] = topics.map { ["date": $0.date, "text": $0.text, "discussed": ($0.discussed as Any?) ?? NSNull()] as [String: Any] }
            case .thoughts: object["thoughts"] = entries(thoughts)
            case .good: object["good"] = entries(good)
            case .journal: object["journal"] = entries(journal)
            case .mood:
                object["mood"] = moods.map { ["date": $0.date, "flow": $0.flow, "phase": $0.phase, "rating": $0.rating] }
                object["mood_by_exercise"] = MoodSummary(moods).exercises.map {
                    ["flow": $0.flow, "before": $0.before, "after": $0.after, "count": $0.count]
                }
            case .habits:
                object["habits"] = habits.map {
                    ["date": $0.date, "name": $0.name, "step": $0.step, "checkins": $0.checkIns.map { ["date": $0.date, "outcome": $0.outcome] }]
                }
            case .plan:
                object["plan"] = (1...6).map { ["step": $0, "title": StoreText.text("plan_step_\($0)"), "text": (plan[$0] as Any?) ?? NSNull()] as [String: Any] }
            case .selfCare: object["self_care"] = selfCare
            case .crisis: object["crisis"] = crisis.map { ["date": $0.date, "tier": $0.tier] }
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
