import Testing
@testable import Intents

@Suite("PatternIndex")
struct PatternIndexTests {
    @Test("finds every whole-line match the naive matcher finds")
    func agreesWithNaive() throws {
        let concepts = ConceptTable(["feel": ["sad", "low", "really low"]])
        let sources = ["i feel * about (work|money)", "[*] ~feel [*]", "[please] help me with *", "i feel ~feel", "* about *"]
        var index = PatternIndex()
        var all: [LinearPattern] = []
        for source in sources {
            for form in try Pattern(source).linearized(concepts: concepts) {
                index.insert(form, concepts: concepts)
                all.append(form)
            }
        }
        let naive = NaiveMatcher(patterns: all, concepts: concepts)
        for line in ["i feel sad about work", "i feel really low", "please help me with my taxes", "about", "so sad", "i feel low about money"] {
            let words = Normalizer.words(line)
            #expect(index.wholeMatches(words).sorted() == naive.wholeMatches(words), "\(line)")
        }
    }

    @Test("a long line under many wildcards agrees with the naive matcher (the walk's stack grows)")
    func longLine() throws {
        let concepts = ConceptTable(["x": ["a", "b c"]])
        var index = PatternIndex()
        var all: [LinearPattern] = []
        for source in ["* a * b *", "[*] ~x [*] c", "* * * *", "a [*] a [*] a", "[*] b c [*] ~x *"] {
            for form in try Pattern(source).linearized(concepts: concepts) {
                index.insert(form, concepts: concepts)
                all.append(form)
            }
        }
        let naive = NaiveMatcher(patterns: all, concepts: concepts)
        let line = (0..<60).map { ["a", "b", "c", "d"][($0 * 7) % 4] }
        #expect(index.wholeMatches(line).sorted() == naive.wholeMatches(line))
        for start in [0, 17, 59] {
            #expect(index.prefixMatches(line, from: start).map { [$0.pattern, $0.end] }.sorted { $0.lexicographicallyPrecedes($1) }
                == naive.prefixMatches(line, from: start).map { [$0.pattern, $0.end] })
        }
    }

    @Test("prefix matches report where each match ends")
    func prefix() throws {
        let concepts = ConceptTable()
        var index = PatternIndex()
        for form in try Pattern("kill myself").linearized(concepts: concepts) { index.insert(form, concepts: concepts) }
        let words = ["i", "want", "to", "kill", "myself", "now"]
        #expect(index.prefixMatches(words, from: 3).map(\.end) == [5])
        #expect(index.prefixMatches(words, from: 2).isEmpty)
    }
}
