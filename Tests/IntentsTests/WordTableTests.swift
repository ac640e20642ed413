import PropertyBased
import Testing
@testable import Intents

/// Words get dense numbers in the order they are first added, and keep them as the table grows.
@Suite("WordTable")
struct WordTableTests {
    @Test("a word keeps the number it was first given; unknown words are -1")
    func numbers() {
        var table = WordTable()
        #expect(table.add("feel") == 0)
        #expect(table.add("stressed") == 1)
        #expect(table.add("feel") == 0)
        #expect(table.number(of: "stressed") == 1)
        #expect(table.number(of: "calm") == -1)
        #expect(table.number(of: "") == -1)
        #expect(table.count == 2)
    }

    @Test("long, non-ASCII and empty words are numbered like any other")
    func unusualWords() {
        var table = WordTable()
        let words = ["", "ça", "naïve", "überwältigt", String(repeating: "a", count: 40), "😢"]
        for (index, word) in words.enumerated() { #expect(table.add(word) == Int32(index)) }
        for (index, word) in words.enumerated() { #expect(table.number(of: word) == Int32(index)) }
        #expect(table.number(of: "naive") == -1)
    }

    @Test("agrees with a dictionary on any words, through many resizes")
    func agreesWithDictionary() async {
        let words = Gen.element(of: ["a", "b", "c", "ab", "ba", "abc", "é", "zz"]).map { $0 ?? "a" }
            .array(of: 1...6).map { $0.joined() }.array(of: 0...300)
        await propertyCheck(count: 100, input: words, words) { added, probes in
            var table = WordTable()
            var reference: [String: Int32] = [:]
            for word in added {
                let number = table.add(word)
                if reference[word] == nil { reference[word] = Int32(reference.count) }
                #expect(number == reference[word])
            }
            for word in added + probes { #expect(table.number(of: word) == (reference[word] ?? -1), "\(word)") }
        }
    }
}
