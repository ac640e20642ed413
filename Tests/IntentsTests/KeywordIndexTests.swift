import Testing
@testable import Intents

@Suite("KeywordIndex")
struct KeywordIndexTests {
    static func index() -> KeywordIndex {
        var index = KeywordIndex(concepts: ConceptTable(["sleep": ["sleep", "fall asleep", "drop off"]]), ignoring: ["i", "to", "a", "my", "want"])
        index.add(intent: "bedtime", patterns: [try! Pattern("[*] ~sleep [*]"), try! Pattern("[*] wind down [*]")], examples: ["help me wind down"])
        index.add(intent: "journal", patterns: [try! Pattern("[*] (journal|diary) [*]")], examples: ["write it down"])
        index.add(intent: "walk", patterns: [try! Pattern("[*] (walk|stroll) [*]")], examples: ["a walk outside to wind down"])
        index.finish()
        return index
    }

    @Test("a concept member anywhere in the line counts as its concept, even a phrase")
    func concepts() {
        let hits = Self.index().rank(words: Normalizer.words("I just want to drop off tonight"))
        #expect(hits.first?.intent == "bedtime")
        #expect(hits.first?.keywords == ["~sleep"])
    }

    @Test("a word shared by fewer flows weighs more, and ignored words never count")
    func weights() {
        let hits = Self.index().rank(words: Normalizer.words("I want to wind down with my diary"))
        #expect(hits.map(\.intent).first == "journal", "diary belongs to one flow; wind and down to two")
        #expect(!hits.flatMap(\.keywords).contains("want"))
    }

    @Test("word forms agree through a rough stem")
    func stems() {
        #expect(KeywordIndex.stem("journaling") == KeywordIndex.stem("journal"))
        #expect(KeywordIndex.stem("walks") == "walk")
        #expect(KeywordIndex.stem("is") == "is")
        #expect(Self.index().rank(words: Normalizer.words("strolling")).first?.intent == "walk")
    }

    @Test("a line sharing nothing scores nothing")
    func nothing() {
        #expect(Self.index().rank(words: Normalizer.words("what is the capital of France")).isEmpty)
    }
}
