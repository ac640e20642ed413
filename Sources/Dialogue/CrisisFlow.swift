import Intents

/// The contract of the crisis flow, in one place.
///
/// The safety screen can start the crisis flow from any state, at one of its ``Entry`` steps, so:
/// - its id is ``id``, and a flow in the person's own folders with that id is never loaded
///   (``userReplacementProblem(_:)``);
/// - it must have every entry step; a shipped file that lacks one is replaced by the compiled-in
///   copy (``resolve(_:)``), and so is one with errors;
/// - the validator walks it from every entry step as well as its start (``startingSteps(of:)``),
///   with only the built-in variables known there;
/// - only its steps may `resume` the exercise the screen interrupted (``allowsResume(_:)``).
public enum CrisisFlow {
    /// The crisis flow's id.
    public static let id = "crisis"

    /// A step the safety screen may start the crisis flow at.
    public enum Entry: String, CaseIterable, Sendable {
        /// The person is thinking of ending their life.
        case crisis
        /// The person is in danger now: an attempt under way, or means at hand.
        case emergency
        /// Something worrying, short of a crisis: a gentle check-in.
        case concern
        /// The person is in danger from someone else.
        case danger
        /// The person may hurt someone else.
        case harmOthers = "harm-others"
        /// Someone the person knows is in crisis.
        case someoneElse = "someone-else"
        /// Someone the person knows is in danger now.
        case someoneElseEmergency = "someone-else-emergency"

        /// The step's id in the crisis flow.
        public var step: String { rawValue }

        /// The step the screen starts at for a line assessed at `tier` (concern or higher) about `category`.
        public init(tier: SafetyTier, category: SafetyCategory) {
            switch category {
            case .danger: self = .danger
            case .others: self = .harmOthers
            case .someoneElse: self = tier == .emergency ? .someoneElseEmergency : .someoneElse
            case .oneself:
                switch tier {
                case .emergency: self = .emergency
                case .crisis: self = .crisis
                default: self = .concern
                }
            }
        }

        /// The step the screen starts at for `assessment` (of concern or higher).
        public init(for assessment: SafetyScreen.Assessment) {
            self.init(tier: assessment.tier, category: assessment.category)
        }
    }

    /// The ids of every entry step, in the order of ``Entry``.
    public static let entrySteps = Entry.allCases.map(\.step)

    /// The compiled-in copy of `Scripts/flows/crisis.yaml`, used when the shipped file is missing,
    /// broken or incomplete.
    ///
    /// The EmbedScripts plugin compiles the file in as it is, and it is read like the file on disk.
    /// A test checks that it loads and has every entry step, so this can't fail at run time.
    public static let builtIn: Flow = {
        do { return try FlowLoader.load(text: Embedded.crisisFlow, path: "<built-in>/Scripts/flows/crisis.yaml") } catch {
            preconditionFailure("the compiled-in crisis flow is broken: \(error)")
        }
    }()

    /// Entry steps `flow` lacks, one F026 error each (empty for a complete crisis flow).
    public static func entryProblems(_ flow: Flow) -> [Diagnostic] {
        entrySteps.filter { flow.steps[$0] == nil }.map {
            Diagnostic(at: flow.id.position, code: "F026", message: "the crisis flow has no step '\($0)'",
                       hint: "the safety screen starts the crisis flow at: \(entrySteps.joined(separator: ", "))")
        }
    }

    /// The crisis flow to use, given the one loaded from the shipped files (nil for none): that
    /// one when it has every entry step, otherwise the compiled-in copy and why.
    public static func resolve(_ loaded: Flow?) -> (flow: Flow, problems: [Diagnostic]) {
        guard let loaded else { return (builtIn, []) }
        let problems = entryProblems(loaded)
        return problems.isEmpty ? (loaded, []) : (builtIn, problems)
    }

    /// Why a flow from the person's own folders is not loaded: a warning (F030) when it claims
    /// the crisis flow's id, nil otherwise.
    public static func userReplacementProblem(_ flow: Flow) -> Diagnostic? {
        guard flow.isCrisisFlow else { return nil }
        return Diagnostic(at: flow.id.position, severity: .warning, code: "F030",
                          message: "a user flow can't replace the crisis flow; this file is skipped",
                          hint: "give your flow another id")
    }

    /// The steps a walk through `flow` begins at: its start, and for the crisis flow every entry
    /// step it has. Each is reachable, and only the built-in variables are known there.
    public static func startingSteps(of flow: Flow) -> [String] {
        [flow.start.value] + (flow.isCrisisFlow ? entrySteps.filter { flow.steps[$0] != nil } : [])
    }

    /// Whether a step of `flow` may `resume` what the screen interrupted: only in the crisis flow.
    public static func allowsResume(_ flow: Flow) -> Bool { flow.isCrisisFlow }
}

extension Flow {
    /// Whether this is the crisis flow (see ``CrisisFlow``).
    public var isCrisisFlow: Bool { id.value == CrisisFlow.id }
}
