/// What flows can show of the saved data: template variables such as `{{self_care_list}}`, and
/// counts such as `self_care_count` for `branch` conditions.
///
/// | variable | holds |
/// |---|---|
/// | `self_care_list`, `self_care_count` | the self-care list, one `- item` a line |
/// | `self_care_pick` | one item of it, a different one each day |
/// | `open_topics`, `open_topics_count` | open therapist topics, numbered `1. topic` |
/// | `recent_journal`, `journal_count` | the last five journal entries, with their dates |
/// | `plan_1` ... `plan_6`, `has_safety_plan`, `safety_plan_steps` | the safety plan's steps |
/// | `habit`, `habit_step`, `has_habit` | the latest habit and the step chosen for it |
/// | `mood_check` | `on` when a rating is asked before and after each exercise |
public enum StoreRecall {
    /// Every variable ``values(_:)`` can set.
    public static let names: Set<String> = Set(["self_care_list", "self_care_count", "self_care_pick", "open_topics", "open_topics_count",
                                                "recent_journal", "journal_count", "has_safety_plan", "safety_plan_steps", "habit",
                                                "habit_step", "has_habit", "mood_check"] + (1...6).map { "plan_\($0)" })

    /// What ``values(_:)`` gives for an empty store, without opening one.
    public static let empty: [String: String] = {
        var values = ["self_care_list": "", "self_care_count": "0", "open_topics": "", "open_topics_count": "0", "recent_journal": "",
                      "journal_count": "0", "has_safety_plan": "", "safety_plan_steps": "0"]
        for step in 1...6 { values["plan_\(step)"] = "" }
        return values
    }()

    /// Every variable, read in one go.
    public static func values(_ store: Store) throws(StoreError) -> [String: String] {
        var values: [String: String] = [:]
        let care = try store.selfCare()
        values["self_care_list"] = care.map { "- " + $0 }.joined(separator: "\n")
        values["self_care_count"] = String(care.count)
        if !care.isEmpty {
            let day = Int(Date.now.timeIntervalSince1970 / 86_400)
            values["self_care_pick"] = care[day % care.count]
        }
        let topics = try store.topics()
        values["open_topics"] = topics.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n")
        values["open_topics_count"] = String(topics.count)
        let recent = try store.journal(limit: 5)
        values["recent_journal"] = recent.map { "- " + day($0.date) + ": " + $0.text.replacingOccurrences(of: "\n", with: "\n  ") }
            .joined(separator: "\n")
        values["journal_count"] = String(recent.count)
        let plan = try store.safetyPlan()
        for step in 1...6 { values["plan_\(step)"] = plan[step] ?? "" }
        values["has_safety_plan"] = plan.isEmpty ? "" : "yes"
        values["safety_plan_steps"] = String(plan.count)
        if let setting = try store.setting(MoodCheck.setting) { values[MoodCheck.setting] = setting }
        if let habit = try store.habits().last {
            values["habit"] = habit.name
            values["habit_step"] = habit.step
            values["has_habit"] = "yes"
        }
        return values
    }

    /// `2026-12-03` from an ISO 8601 time stamp.
    public static func day(_ stamp: String) -> String { String(stamp.prefix(10)) }
}

import Foundation
