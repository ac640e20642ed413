import Intents

/// The commands that work at every step: help, menu, stop, quit and crisis (the crisis lines).
public enum Command: String, CaseIterable, Sendable {
    case help, menu, stop, quit, crisis

    /// The patterns of each command, matched against the whole line.
    static let patterns: [Command: [String]] = [
        .help: ["help [me] [please]", "[*] what can you do [*]", "(commands|options)", "how does this work"],
        .menu: ["menu", "(show|list) [me] [the] (menu|exercises|options)", "what (exercises|options) [are there|do you have]"],
        .stop: ["[please] stop [please|it|this|now|that|here]", "stop [*] (exercise|flow)", "(cancel|leave|skip) [this|it] [exercise]",
                "[i] (want|would like) to (stop|quit|leave) [this|the] [exercise|flow] [now|please]",
                "(quit|leave|end|cancel) (this|the) (exercise|flow)", "let us stop [here|now]"],
        .quit: ["(quit|exit|bye|goodbye|q)", "good bye"],
        .crisis: ["[show|give me|the] crisis [line|lines|numbers|help]", "(hotline|helpline|hotlines|helplines)",
                  "[i] need help (now|right now|urgently)", "who can i (call|text|talk to) [right now|now]",
                  "[i] need (a|the) (crisis line|hotline|helpline)"],
    ]

    static let matcher: IntentMatcher = {
        var matcher = IntentMatcher(concepts: ConceptTable())
        for command in allCases {
            // Fixed patterns, each checked by a test; one that failed to compile would only be missing.
            for pattern in patterns[command] ?? [] { try? matcher.add(intent: command.rawValue, pattern: pattern) }
        }
        return matcher
    }()

    /// The command `text` asks for, if any.
    /// Compiles the command patterns now (on any thread), so the first line need not wait for them.
    public static func prepare() { _ = matcher }

    public static func match(_ text: String) -> Command? {
        matcher.match(text).flatMap { Command(rawValue: $0.intent) }
    }

    /// ``match(_:)`` for a line whose ``Normalizer/words(_:)`` are already at hand.
    public static func match(normalized words: [String]) -> Command? {
        matcher.match(normalized: words).flatMap { Command(rawValue: $0.intent) }
    }
}
