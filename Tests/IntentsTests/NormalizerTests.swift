import Testing
@testable import Intents

@Suite("Normalizer")
struct NormalizerTests {
    @Test("folds case, accents and full-width letters")
    func folding() {
        #expect(Normalizer.words("Café ÉTÉ") == ["cafe", "ete"])
        #expect(Normalizer.words("ＨＥＬＬＯ") == ["hello"])
    }

    @Test("expands contractions and shorthand")
    func contractions() {
        #expect(Normalizer.words("I'm sure I can't, won't, don't") == ["i", "am", "sure", "i", "can", "not", "will", "not", "do", "not"])
        #expect(Normalizer.words("I’d wanna go, gonna try") == ["i", "would", "want", "to", "go", "going", "to", "try"])
        #expect(Normalizer.words("she's here") == ["she", "is", "here"])
        #expect(Normalizer.words("everyone'd be fine") == ["everyone", "would", "be", "fine"], "'d after everyone, someone, nobody is 'would'")
        #expect(Normalizer.words("OD'd an hour ago") == ["od", "d", "an", "hour", "ago"], "'d after a word that is not a pronoun is a past tense")
    }

    @Test("maps look-alike characters inside words", arguments: [
        ("kiII", "kill"), ("su1c1de", "suicide"), ("$uicide", "suicide"), ("k1ll", "kill"), ("ѕuicide", "suicide"),
    ])
    func lookAlikes(input: String, expected: String) {
        #expect(Normalizer.words(input) == [expected])
    }

    @Test("keeps numbers that stand alone")
    func numbers() {
        #expect(Normalizer.words("I slept 7 hours, 10/10") == ["i", "slept", "7", "hours", "10", "10"])
    }

    @Test("joins letters spelled out with dots or spaces")
    func spelledOut() {
        #expect(Normalizer.words("k.m.s") == ["kms"])
        #expect(Normalizer.words("s u i c i d e now") == ["suicide", "now"])
        #expect(Normalizer.words("a b") == ["a", "b"])
    }

    @Test("squeezes runs of three or more letters to two")
    func repeats() {
        #expect(Normalizer.words("sooooo tiiiired") == ["soo", "tiired"])
        #expect(Normalizer.words("1110 and 1000") == ["1110", "and", "1000"], "numbers keep their digits")
    }

    @Test("numbers clauses at sentence punctuation")
    func clauses() {
        let tokens = Normalizer.tokens("fine. really; ok")
        #expect(tokens.map(\.clause) == [0, 1, 2])
    }

    @Test("a picture of a method is read as its word, and other emoji are dropped")
    func pictographs() {
        #expect(Normalizer.words("\u{1F52B} in my hand") == ["gun", "in", "my", "hand"])
        #expect(Normalizer.words("took the \u{1F48A}\u{1F48A}") == ["took", "the", "pills", "pills"])
        #expect(Normalizer.words("good night \u{1F319}\u{2728}") == ["good", "night"])
    }

    @Test("drops control characters and punctuation")
    func punctuation() {
        #expect(Normalizer.words("hello!!! (world)\u{7}") == ["hello", "world"])
        #expect(Normalizer.words("") == [])
    }
}

import PropertyBased

@Suite("Normalizer fast path")
struct NormalizerFastPathTests {
    static let pieces = ["a", "b", "I", "i", "k", "m", "s", "o", "oo", "ooo", "'", "m", "1", "7", "0", " ", " ", " ", ".", "!", "?", ",",
                         "|", "$", "@", "`", "\t", "kill", "im", "u", "r", "dont", "Hello", "KMS", "é", "-", "10", "x"]

    @Test("the byte-level reader gives the same words as the full normalizer whenever it answers")
    func agrees() async {
        let lines = Gen.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...14).map { $0.joined() }
        await propertyCheck(count: 3000, input: lines) { line in
            if let fast = Normalizer.plainWords(line) {
                #expect(fast == Normalizer.tokens(line).map(\.text), "'\(line)'")
            }
        }
    }

    @Test("plain lines take the fast path")
    func plain() {
        #expect(Normalizer.plainWords("i feel kalomi about vosh pabi") == ["i", "feel", "kalomi", "about", "vosh", "pabi"])
        #expect(Normalizer.plainWords("Please help me, u know!") == ["please", "help", "me", "you", "know"])
        #expect(Normalizer.plainWords("I'm here") == nil)
    }
}

@Suite("Normalizer numbers")
struct NormalizerNumberTests {
    @Test("digits among letters are look-alikes, but ordinals and numbers stay numbers", arguments: [
        ("14th floor", ["14th", "floor"]), ("1st place", ["1st", "place"]), ("2024", ["2024"]), ("su1c1de", ["suicide"]),
        ("k1ll", ["kill"]),
    ])
    func numbers(text: String, expected: [String]) {
        #expect(Normalizer.words(text) == expected)
    }
}
