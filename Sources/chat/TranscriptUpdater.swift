import Dialogue
import Foundation

/// `chat test --update`: replaces the expected lines of failing turns with what was said.
enum TranscriptUpdater {
    static func update(_ transcript: Transcript, results: [TranscriptRunner.Result]) throws {
        guard !transcript.path.hasSuffix(".convo.txt"),
              let text = FileManager.default.contents(atPath: transcript.path).map({ String(decoding: $0, as: UTF8.self) })
        else { return }
        let crlf = text.contains("\r\n")  // written back with the endings it came with
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var replacements: [(range: ClosedRange<Int>, with: [String])] = []
        for (testCase, result) in zip(transcript.cases, results) where !result.passed {
            for (turn, actual) in zip(testCase.turns, result.actual) {
                guard let range = turn.expectationLines else { continue }
                let kept = lines[(range.lowerBound - 1)...(range.upperBound - 1)].filter {
                    let trimmed = $0.trimmingCharacters(in: .whitespaces)
                    return trimmed.hasPrefix("~ ") || trimmed.hasPrefix("! ") || trimmed.hasPrefix("? ") || trimmed.hasPrefix("#")
                        || trimmed.isEmpty
                }
                let hasLines = turn.expectations.contains { if case .line = $0 { return true }; return $0 == .anything }
                guard hasLines else { continue }
                replacements.append((range, actual + kept))
            }
        }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let old = Array(lines[(replacement.range.lowerBound - 1)...(replacement.range.upperBound - 1)])
            if old != replacement.with {
                Output.write("\(transcript.path):\(replacement.range.lowerBound):\n")
                Output.write(old.map { "  - \($0)\n" }.joined() + replacement.with.map { "  + \($0)\n" }.joined())
            }
            lines.replaceSubrange((replacement.range.lowerBound - 1)...(replacement.range.upperBound - 1), with: replacement.with)
        }
        try lines.joined(separator: crlf ? "\r\n" : "\n").write(toFile: transcript.path, atomically: true, encoding: .utf8)
    }
}
