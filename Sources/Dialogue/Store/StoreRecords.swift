/// A journal entry as the store keeps it.
public struct StoredEntry: Equatable, Sendable {
    public var id: Int64
    public var date: String
    public var flow: String
    public var kind: String
    public var text: String
}

/// A 0-10 mood rating.
public struct MoodRating: Equatable, Sendable {
    public var date: String
    /// The exercise it was given with, or `mood` for a check-in on its own.
    public var flow: String
    /// `check-in`, `before` or `after`.
    public var phase: String
    public var rating: Int
}

/// A topic to bring to the next therapy session.
public struct TherapistTopic: Equatable, Sendable {
    public var id: Int64
    public var date: String
    public var text: String
    /// When it was marked discussed; nil while open.
    public var discussed: String?
}

/// A habit the person wants to cut down on, the small step they chose, and how it went.
public struct Habit: Equatable, Sendable {
    public var id: Int64
    public var date: String
    public var name: String
    public var step: String
    public var checkIns: [(date: String, outcome: String)]

    public static func == (a: Habit, b: Habit) -> Bool {
        a.id == b.id && a.name == b.name && a.step == b.step && a.checkIns.map(\.outcome) == b.checkIns.map(\.outcome)
    }
}

/// That the screen raised a line to a tier, and when: the line itself is never kept.
public struct CrisisEvent: Equatable, Sendable {
    public var date: String
    public var tier: String
}
