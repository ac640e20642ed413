import PropertyBased
import Testing
@testable import Intents

/// One-letter typos in longer words are fixed toward the vocabulary; anything doubtful is left alone.
@Suite("SpellingCorrector")
struct SpellingCorrectorTests {
    let corrector = SpellingCorrector(vocabulary: ["stressed", "breathing", "grounding", "walking", "waking", "overdose"],
                                      minimumLength: 6)

    @Test("a missing letter, an extra letter or two swapped neighbours is fixed")
    func typos() {
        #expect(corrector.correct("stresed") == "stressed")
        #expect(corrector.correct("breathhing") == "breathing")
        #expect(corrector.correct("grounidng") == "grounding")
        #expect(corrector.correct("overdoes") == "overdose")
    }

    @Test("known words, short words, changed letters and non-words are left alone")
    func leftAlone() {
        #expect(corrector.correct("walking") == "walking")
        #expect(corrector.correct("waking") == "waking")
        #expect(corrector.correct("stres") == "stres")  // too short
        #expect(corrector.correct("strussed") == "strussed")  // a changed letter is not a typo
        #expect(corrector.correct("stresed2") == "stresed2")
        #expect(corrector.correct("") == "")
    }

    @Test("a typo that fits two words equally well is left alone")
    func ambiguous() {
        // Only the likeliest kind of typo counts: "walkng" misses a letter of "walking" and is nothing of "waking".
        #expect(corrector.correct("walkng") == "walking")
        let tied = SpellingCorrector(vocabulary: ["crying", "drying"], minimumLength: 5)
        #expect(tied.correct("rying") == "rying")
    }

    @Test("a corrector read back from its archive corrects exactly the same")
    func archived() throws {
        var writer = ArchiveWriter()
        writer.write(corrector)
        let copy = try writer.bytes.withUnsafeBytes { raw throws(ArchiveError) in
            try ArchiveReader.reading(raw) { archive throws(ArchiveError) in try archive.read(SpellingCorrector.self) }
        }
        for word in ["stresed", "breathhing", "grounidng", "walkng", "walking", "strussed", "rying", "overdoes"] {
            #expect(copy.correct(word) == corrector.correct(word), "\(word)")
        }
    }

    /// The rule the corrector implements, by trying every vocabulary word.
    static func reference(_ word: String, vocabulary: Set<String>, minimumLength: Int) -> String {
        let typed = Array(word.utf8)
        guard typed.count >= minimumLength, typed.count <= SpellingCorrector.longestWord, !vocabulary.contains(word),
              typed.allSatisfy(SpellingCorrector.isLetter)
        else { return word }
        var kinds: [[String]] = [[], [], []]
        for candidate in vocabulary.sorted() where candidate.unicodeScalars.count >= minimumLength - 1 {
            let bytes = Array(candidate.utf8)
            guard bytes.first == typed.first else { continue }
            let isTypo = typed.withUnsafeBufferPointer { t in bytes.withUnsafeBufferPointer { SpellingCorrector.isTypo(t, of: $0) } }
            guard isTypo else { continue }
            kinds[bytes.count - typed.count == 1 ? 0 : bytes.count - typed.count == -1 ? 1 : 2].append(candidate)
        }
        for kind in kinds where !kind.isEmpty { return kind.count == 1 ? kind[0] : word }
        return word
    }

    @Test("agrees with trying every vocabulary word, on any vocabulary and any typing")
    func agreesWithReference() async {
        let word = Gen.element(of: ["a", "b", "c", "ab", "ba", "ca"]).map { $0 ?? "a" }.array(of: 2...5).map { $0.joined() }
        await propertyCheck(count: 200, input: word.array(of: 0...30), word.array(of: 1...30)) { vocabulary, probes in
            let corrector = SpellingCorrector(vocabulary: Set(vocabulary), minimumLength: 5)
            for probe in probes + vocabulary {
                #expect(corrector.correct(probe) == Self.reference(probe, vocabulary: Set(vocabulary), minimumLength: 5),
                        "vocabulary \(vocabulary.sorted()), word \(probe)")
            }
        }
    }
}
