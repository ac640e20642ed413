import Testing
@testable import Intents

@Suite("PatternIndex")
struct PatternIndexTests {
    @Test("finds every whole-line match the naive matcher finds")
    func agreesWithNaive() throws {
        let concepts = ConceptTable(["feel": ["sad", "low", "really low"]])
        let sources = ["i feel * about (work|money)", "[*] ~feel [*]", "[please] help me with *", "i feel ~feel", "* about *"]
        var index = PatternIndex(concepts: concepts)
        var all: [LinearPattern] = []
        for source in sources {
            for form in try Pattern(source).linearized(concepts: concepts) {
                index.insert(form)
                all.append(form)
            }
        }
        let naive = NaiveMatcher(patterns: all, concepts: concepts)
        for line in ["i feel sad about work", "i feel really low", "please help me with my taxes", "about", "so sad", "i feel low about money"] {
            let words = Normalizer.words(line)
            #expect(index.wholeMatches(words).sorted() == naive.wholeMatches(words), "\(line)")
        }
    }

    @Test("prefix matches report where each match ends")
    func prefix() throws {
        let concepts = ConceptTable()
        var index = PatternIndex(concepts: concepts)
        for form in try Pattern("kill myself").linearized(concepts: concepts) { index.insert(form) }
        let words = ["i", "want", "to", "kill", "myself", "now"]
        #expect(index.prefixMatches(words, from: 3).map(\.end) == [5])
        #expect(index.prefixMatches(words, from: 2).isEmpty)
    }
}
