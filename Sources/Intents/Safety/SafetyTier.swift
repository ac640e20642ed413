/// How urgent a message is, from `none` to `emergency`.
public enum SafetyTier: Int, Comparable, CaseIterable, Sendable, CustomStringConvertible {
    /// Nothing worrying was found.
    case none
    /// Hopelessness, feeling like a burden: a gentle check-in question.
    case concern
    /// Thoughts of suicide or self-harm: a direct, warm question and the crisis lines.
    case crisis
    /// Danger right now: an act under way, a method at hand, a time. Emergency number first.
    case emergency

    public static func < (a: SafetyTier, b: SafetyTier) -> Bool { a.rawValue < b.rawValue }

    public init?(name: String) {
        guard let tier = Self.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
        self = tier
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .concern: "concern"
        case .crisis: "crisis"
        case .emergency: "emergency"
        }
    }

    /// One step lower, but never below `concern`.
    var softened: SafetyTier { self > .concern ? SafetyTier(rawValue: rawValue - 1)! : self }
}

/// Who is at risk.
public enum SafetyCategory: String, Sendable, CaseIterable {
    /// The person themselves (suicide, self-harm).
    case oneself
    /// The person, from someone else (abuse, threats).
    case danger
    /// Someone else, from the person.
    case others
    /// Someone else, from themselves: a friend or relative in crisis.
    case someoneElse
}

extension SafetyTier: ArchivableByRawValue {}
extension SafetyCategory: ArchivableByRawValue {}
