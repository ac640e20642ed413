import Foundation
import TestSupport
import Testing
@testable import Dialogue

/// Free text reaches the right exercise.
@Suite("Routing")
struct RoutingTests {
    static let devSet = Repository.rows("routing-dev.tsv")

    func accuracy(_ rows: [(String, String)]) -> (Int, [String]) {
        var correct = 0
        var misses: [String] = []
        for (expected, message) in rows {
            let got = Shipped.library.matcher.match(message)?.intent ?? "none"
            if expected.split(separator: "|").map(String.init).contains(got) { correct += 1 } else { misses.append("\(expected) -> \(got): \(message)") }
        }
        return (correct, misses)
    }

    @Test("development set: every line reaches its exercise", .enabled(if: !devSet.isEmpty, "needs ../shared/eval/routing-dev.tsv"))
    func developmentSet() {
        let (correct, misses) = accuracy(Self.devSet)
        #expect(correct == Self.devSet.count, "\(misses)")
    }

    @Test("our regression set: at least 95% of lines reach their exercise, and chit-chat starts nothing")
    func regressionSet() throws {
        let text = try String(contentsOfFile: Repository.root + "/Tests/Fixtures/routing-regression.tsv", encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> (String, String)? in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        let (correct, misses) = accuracy(rows)
        print("routing regression set: \(correct)/\(rows.count)")
        #expect(Double(correct) / Double(rows.count) >= 0.95, "\(misses)")
        #expect(accuracy(rows.filter { $0.0 == "none" }).0 == rows.filter { $0.0 == "none" }.count)
    }
}
