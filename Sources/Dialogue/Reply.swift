import Intents

/// What the program says after one line, and the state it left the conversation in.
public struct Reply: Sendable {
    /// The lines to show, in order.
    public var lines: [String] = []
    /// The flow running after this turn, or nil.
    public var flow: String?
    /// The step waiting for an answer after this turn, or nil.
    public var step: String?
    /// The safety screen's verdict on the input.
    public var safety: SafetyTier = .none
    public var category: SafetyCategory = .oneself
    /// The flow this line started through a trigger, if any.
    public var intent: String?
    /// The trigger pattern that started it.
    public var trigger: String?
    /// `file:line` of the step that produced the last lines.
    public var source: String?
    /// Steps entered this turn, as "flow/step".
    public var visited: [String] = []
    /// Ways taken out of steps this turn, as "flow/step>next".
    public var taken: [String] = []
    /// How the line was routed outside an exercise (`trigger`, `keywords`, `feeling`, ...), if it was.
    public var route: String?
    /// The topic answered (small talk, a feeling), if any.
    public var topic: String?
    /// The flows on offer after this turn, in the order shown.
    public var offered: [String] = []
    /// True when the person asked to leave.
    public var quit = false

    public init() {}
}
