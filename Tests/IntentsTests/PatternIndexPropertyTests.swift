import PropertyBased
import Testing
@testable import Intents

/// The trie must return exactly what trying every pattern returns, on any rules and any input.
@Suite("PatternIndex properties")
struct PatternIndexPropertyTests {
    static let concepts = ConceptTable(["x": ["a", "b c"], "y": ["d", "e e"]])
    static let pieces = ["a", "b", "c", "d", "e", "*", "[*]", "~x", "~y", "[a]", "[b c]", "(a|d)", "(b|c d)", "(e|~x)"]
    static let words = ["a", "b", "c", "d", "e", "f"]

    static let rules = Gen.element(of: pieces).map { $0 ?? "a" }.array(of: 1...5).map { $0.joined(separator: " ") }.array(of: 1...40)
    static let lines = Gen.element(of: words).map { $0 ?? "a" }.array(of: 0...8).array(of: 1...25)

    /// The index and the naive matcher over every flat form of `rules` that compiles (and, unless
    /// `keepingEmpty`, can't match an empty line, as the safety screen requires).
    static func build(_ rules: [String], keepingEmpty: Bool = true) -> (PatternIndex, NaiveMatcher) {
        var index = PatternIndex()
        var all: [LinearPattern] = []
        for rule in rules {
            for form in (try? Pattern(rule).linearized(concepts: concepts)) ?? [] where keepingEmpty || !form.matchesEmpty {
                index.insert(form, concepts: concepts)
                all.append(form)
            }
        }
        return (index, NaiveMatcher(patterns: all, concepts: concepts))
    }

    @Test("the index finds the same whole-line matches as the naive matcher")
    func sameMatches() async {
        await propertyCheck(count: 300, input: Self.rules, Self.lines) { rules, lines in
            let (index, naive) = Self.build(rules)
            for line in lines {
                #expect(index.wholeMatches(line).sorted() == naive.wholeMatches(line), "rules \(rules), line \(line)")
            }
        }
    }

    @Test("the index finds the same matches from every start position as the naive matcher, with the same ends")
    func samePrefixMatches() async {
        await propertyCheck(count: 200, input: Self.rules, Self.lines) { rules, lines in
            let (index, naive) = Self.build(rules, keepingEmpty: false)
            for line in lines {
                let numbered = index.line(line)
                for start in 0...line.count {
                    let fast = index.prefixMatches(numbered, from: start).map { [$0.pattern, $0.end] }.sorted { $0.lexicographicallyPrecedes($1) }
                    let slow = naive.prefixMatches(line, from: start).map { [$0.pattern, $0.end] }
                    #expect(fast == slow, "rules \(rules), line \(line), from \(start)")
                }
            }
        }
    }

    @Test("the matcher's winner is the naive winner: highest specificity, then the latest trigger")
    func sameWinner() async {
        await propertyCheck(count: 200, input: Self.rules, Self.lines) { rules, lines in
            var matcher = IntentMatcher(concepts: Self.concepts)
            var forms: [(trigger: Int, form: LinearPattern)] = []
            for (number, rule) in rules.enumerated() {
                guard (try? matcher.add(intent: "i\(number)", pattern: rule)) != nil else { continue }
                for form in (try? Pattern(rule).linearized(concepts: Self.concepts)) ?? [] { forms.append((number, form)) }
            }
            let naive = NaiveMatcher(patterns: forms.map(\.form), concepts: Self.concepts)
            for line in lines {
                let matching = naive.wholeMatches(line).map { forms[$0] }
                let best = matching.max { a, b in
                    a.form.specificity != b.form.specificity ? a.form.specificity < b.form.specificity : a.trigger < b.trigger
                }
                #expect(matcher.allMatches(words: line).first?.intent == best.map { "i\($0.trigger)" }, "rules \(rules), line \(line)")
                #expect(matcher.match(words: line)?.intent == best.map { "i\($0.trigger)" }, "rules \(rules), line \(line)")
            }
        }
    }
}
