import Foundation
import Intents

/// Runs transcripts against a library and explains each difference.
public struct TranscriptRunner {
    /// The outcome of one case.
    public struct Result: Sendable {
        public var transcript: String
        public var name: String
        public var line: Int
        /// nil when the case passed.
        public var failure: Failure?
        /// Steps entered ("flow/step") and ways taken ("flow/step>next"), for coverage.
        public var visited: Set<String>
        /// What the program actually said to every turn, for `--update`.
        public var actual: [[String]]
        public var passed: Bool { failure == nil }
    }

    /// Where and how a case went wrong.
    public struct Failure: Sendable {
        public var turnLine: Int
        public var input: String
        public var step: String?
        public var explanation: [String]
        public var expectedLines: [String]
        public var actualLines: [String]
    }

    public let library: FlowLibrary

    public init(library: FlowLibrary) { self.library = library }

    /// Runs every case of `transcript`.
    public func run(_ transcript: Transcript) -> [Result] {
        transcript.cases.map { run($0, in: transcript) }
    }

    func run(_ testCase: Transcript.Case, in transcript: Transcript) -> Result {
        let session = Session(library: library, region: transcript.region, seed: transcript.seed, journal: Store(),
                              now: { Date(timeIntervalSince1970: 0) })
        var visited: Set<String> = []
        var actual: [[String]] = []
        var failure: Failure?
        for turn in testCase.turns {
            let reply = session.respond(to: turn.input)
            actual.append(reply.lines)
            visited.formUnion(reply.visited)
            visited.formUnion(reply.taken)
            guard failure == nil else { continue }
            let problems = check(turn.expectations, reply: reply, variables: session.variables)
            if !problems.isEmpty {
                failure = Failure(turnLine: turn.line, input: turn.input, step: reply.flow.map { "\($0)/\(reply.step ?? "-")" },
                                  explanation: problems,
                                  expectedLines: turn.expectations.compactMap {
                                      switch $0 {
                                      case .line(let text): return text
                                      case .anything: return "..."
                                      default: return nil
                                      }
                                  },
                                  actualLines: reply.lines)
            }
        }
        return Result(transcript: transcript.path, name: testCase.name, line: testCase.line, failure: failure, visited: visited,
                      actual: actual)
    }

    /// What is wrong with `reply`, as readable sentences (empty when it matches).
    func check(_ expectations: [Transcript.Expectation], reply: Reply, variables: [String: String]) -> [String] {
        var problems: [String] = []
        let pattern = expectations.filter { if case .line = $0 { return true }; return $0 == .anything }
        if !pattern.isEmpty, !Self.lines(reply.lines.map(Self.squash), match: pattern[...]) {
            problems.append("the reply's lines differ from the expected lines")
        }
        for expectation in expectations {
            switch expectation {
            case .contains(let text):
                if !reply.lines.contains(where: { Self.wildcard(Self.squash($0), contains: Self.squash(text)) }) {
                    problems.append("no line contains '\(text)'")
                }
            case .excludes(let text):
                if let line = reply.lines.first(where: { Self.squash($0).contains(Self.squash(text)) }) {
                    problems.append("a line contains '\(text)': \(line)")
                }
            case .flow(let id):
                let actual = reply.flow ?? "none"
                if actual != id { problems.append("flow is '\(actual)', expected '\(id)'") }
            case .step(let id):
                let actual = reply.step ?? "none"
                if actual != id { problems.append("step is '\(actual)', expected '\(id)'") }
            case .safety(let tier):
                if reply.safety.description != tier { problems.append("safety is '\(reply.safety)', expected '\(tier)'") }
            case .variable(let name, let value):
                let actual = variables[name]
                if actual != value {
                    problems.append("variable '\(name)' is \(actual.map { "'\($0)'" } ?? "unset"), expected \(value.map { "'\($0)'" } ?? "unset")")
                }
            case .line, .anything: break
            }
        }
        return problems
    }

    /// Whether `actual` lines fit the expected lines, where `...` stands for any lines.
    static func lines(_ actual: [String], match expected: ArraySlice<Transcript.Expectation>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        let rest = expected.dropFirst()
        switch first {
        case .anything:
            return (0...actual.count).contains { lines(Array(actual.dropFirst($0)), match: rest) }
        case .line(let text):
            return actual.first == squash(text) && lines(Array(actual.dropFirst()), match: rest)
        default:
            return lines(actual, match: rest)
        }
    }

    /// The text with runs of white space made single.
    static func squash(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Substring search where `*` in the needle matches any text.
    static func wildcard(_ haystack: String, contains needle: String) -> Bool {
        let parts = needle.components(separatedBy: "*").filter { !$0.isEmpty }
        var rest = Substring(haystack)
        for part in parts {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
