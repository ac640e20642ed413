import Foundation
import Intents

/// A golden transcript: what the person types and what the program must say back.
///
/// The format is documented in docs/authoring.md. BotiumScript convo files
/// (`*.convo.txt`) are read too.
public struct Transcript: Sendable {
    /// One thing checked about a reply.
    public enum Expectation: Sendable, Equatable {
        case line(String)
        case anything
        case contains(String)
        case excludes(String)
        case flow(String)
        case step(String)
        case safety(String)
        case variable(String, String?)
    }

    /// One line typed, with what must come back.
    public struct Turn: Sendable {
        public var input: String
        /// 1-based line of the `>` in the file.
        public var line: Int
        public var expectations: [Expectation]
        /// File lines (1-based, inclusive) of the expectations, for `--update`.
        public var expectationLines: ClosedRange<Int>?
    }

    /// One conversation, started fresh.
    public struct Case: Sendable {
        public var name: String
        public var line: Int
        public var turns: [Turn]
    }

    public var path: String
    public var region: String = "US"
    public var seed: UInt64 = 1
    public var cases: [Case] = []

    /// Reads a transcript file; the format is chosen by the name (`.convo.txt` is Botium).
    public static func load(path: String) throws(Diagnostic) -> Transcript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(path: path, line: 1, column: 1, code: "T000", message: "can't read the transcript")
        }
        // CRLF line endings are read as LF: in Swift "\r\n" is one Character, never equal to "\n".
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return path.hasSuffix(".convo.txt") ? try parseBotium(text, path: path) : try parse(text, path: path)
    }

    /// Parses the plain-text format.
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> Transcript {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        var transcript = Transcript(path: path)
        var current: Case?
        func problem(_ line: Int, _ message: String, hint: String? = nil) -> Diagnostic {
            Diagnostic(path: path, line: line, column: 1, code: "T001", message: message, hint: hint)
        }
        func closeTurn() throws(Diagnostic) {
            guard let turn = current?.turns.last, turn.expectations.isEmpty else { return }
            throw problem(turn.line, "nothing is expected after '> \(turn.input)'",
                          hint: "write the lines you expect back, or '...' to accept anything")
        }
        func closeCase() throws(Diagnostic) {
            try closeTurn()
            if let done = current {
                if done.turns.isEmpty { throw problem(done.line, "case '\(done.name)' has no '>' lines", hint: "add '> what the person types'") }
                transcript.cases.append(done)
            }
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw problem(number, "a setting needs a value", hint: "for example '@region GB'") }
                switch parts[0] {
                case "region": transcript.region = parts[1]
                case "seed":
                    guard let seed = UInt64(parts[1]) else { throw problem(number, "seed must be a whole number") }
                    transcript.seed = seed
                default: throw problem(number, "unknown setting '@\(parts[0])'", hint: "use @region or @seed")
                }
                continue
            }
            if line.hasPrefix("===") {
                try closeCase()
                let name = line.drop(while: { $0 == "=" }).trimmingCharacters(in: .whitespaces)
                current = Case(name: name.isEmpty ? "case at line \(number)" : name, line: number, turns: [])
                continue
            }
            if current == nil { current = Case(name: (path as NSString).lastPathComponent, line: number, turns: []) }
            if line.hasPrefix(">") {
                try closeTurn()
                current!.turns.append(Turn(input: String(line.dropFirst()).trimmingCharacters(in: .whitespaces), line: number,
                                           expectations: []))
                continue
            }
            guard !current!.turns.isEmpty else {
                throw problem(number, "an expectation comes before anything is typed", hint: "start the case with '> ...'")
            }
            let expectation: Expectation
            if line == "..." {
                expectation = .anything
            } else if line.hasPrefix("~ ") {
                expectation = .contains(String(line.dropFirst(2)))
            } else if line.hasPrefix("! ") {
                expectation = .excludes(String(line.dropFirst(2)))
            } else if line.hasPrefix("? ") {
                let words = line.dropFirst(2).split(separator: " ", maxSplits: 1).map(String.init)
                guard words.count == 2 else { throw problem(number, "'?' needs what to check and a value", hint: "for example '? flow reframe'") }
                switch words[0] {
                case "flow": expectation = .flow(words[1])
                case "step": expectation = .step(words[1])
                case "safety":
                    guard SafetyTier(name: words[1]) != nil else {
                        throw problem(number, "unknown tier '\(words[1])'", hint: "use none, concern, crisis or emergency")
                    }
                    expectation = .safety(words[1])
                case "var":
                    let rest = words[1]
                    if let equals = rest.range(of: " = ") {
                        expectation = .variable(String(rest[..<equals.lowerBound]), String(rest[equals.upperBound...]))
                    } else if rest.hasSuffix(" =") {
                        expectation = .variable(String(rest.dropLast(2)), "")
                    } else if rest.hasSuffix(" unset") {
                        expectation = .variable(String(rest.dropLast(6)), nil)
                    } else {
                        throw problem(number, "write '? var NAME = VALUE' or '? var NAME unset'")
                    }
                default: throw problem(number, "unknown check '? \(words[0])'", hint: "use flow, step, safety or var")
                }
            } else {
                expectation = .line(line)
            }
            let last = current!.turns.count - 1
            current!.turns[last].expectations.append(expectation)
            let lower = current!.turns[last].expectationLines?.lowerBound ?? number
            current!.turns[last].expectationLines = lower...number
        }
        try closeCase()
        if transcript.cases.isEmpty {
            throw problem(1, "the transcript has no cases", hint: "add '=== name' and '> what the person types'")
        }
        return transcript
    }

    /// Parses a BotiumScript convo file: a title line, then `#me` and `#bot` blocks.
    ///
    /// Each line of a `#bot` block must appear in some line of the reply to the `#me` before it;
    /// `*` is a wildcard, as in Botium's default matching.
    public static func parseBotium(_ text: String, path: String) throws(Diagnostic) -> Transcript {
        var transcript = Transcript(path: path)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let title = lines.first(where: { !$0.isEmpty }) else {
            throw Diagnostic(path: path, line: 1, column: 1, code: "T002", message: "the convo file is empty")
        }
        var convo = Case(name: title, line: 1, turns: [])
        var speaker: String?
        var block: [String] = []
        var blockLine = 0
        func flush() throws(Diagnostic) {
            defer { block = [] }
            let content = block.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            let bot = block.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch speaker {
            case "#me":
                convo.turns.append(Turn(input: content, line: blockLine, expectations: []))
            case "#bot":
                guard !convo.turns.isEmpty else {
                    throw Diagnostic(path: path, line: blockLine, column: 1, code: "T002", message: "#bot comes before any #me",
                                     hint: "start the conversation with a #me block")
                }
                convo.turns[convo.turns.count - 1].expectations += bot.isEmpty ? [.anything] : bot.map(Transcript.Expectation.contains)
            default: break
            }
        }
        var seenTitle = false
        for (index, line) in lines.enumerated() {
            if !seenTitle { if !line.isEmpty { seenTitle = true }; continue }
            if line.hasPrefix("#me") || line.hasPrefix("#bot") {
                try flush()
                speaker = line.hasPrefix("#me") ? "#me" : "#bot"
                blockLine = index + 1
            } else if speaker != nil, !line.isEmpty {
                block.append(line)
            }
        }
        try flush()
        for index in convo.turns.indices where convo.turns[index].expectations.isEmpty {
            convo.turns[index].expectations = [.anything]
        }
        transcript.cases = [convo]
        return transcript
    }
}
