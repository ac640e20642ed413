import Foundation
import Testing
@testable import Intents

/// The learned net: read from its file, scored like the training script, and only ever raising.
@Suite("SafetyModel")
struct SafetyModelTests {
    @Test("the compiled-in model reads, and scores a risky line above a calm one")
    func builtIn() throws {
        let model = try #require(SafetyModel.builtIn)
        #expect(model.buckets > 0)
        #expect(model.score("honestly I think everyone would be better off if I just disappeared for good").risk
            > model.score("I'd like to plan a nice walk with my sister this weekend").risk)
    }

    @Test("features fold accents, case, apostrophes and format characters like the training script")
    func folding() {
        #expect(SafetyModel.fold("Don't  CAFÉ-noir\u{200B}s").map { String(decoding: $0, as: UTF8.self) } == ["dont", "cafe", "noirs"])
        #expect(SafetyModel.fnv1a(Array("a".utf8)) == 0xE40C_292C, "FNV-1a, 32 bits")
    }

    @Test("letters typed one by one are read as one word, as the rules read them")
    func spelledOut() {
        let words = { (text: Substring) in SafetyModel.fold(text).map { String(decoding: $0, as: UTF8.self) } }
        #expect(words("I want to k i l l myself") == ["i", "want", "to", "kill", "myself"])
        #expect(words("cheaper, i.e. smaller") == ["cheaper", "ie", "smaller"])
        #expect(words("I am a mess") == ["i", "am", "a", "mess"], "a single letter alone stays a word")
    }

    @Test("a sentence of one or two words is not weighed on its own, only within the whole line")
    func shortSentences() throws {
        let model = try #require(SafetyModel.builtIn)
        let alone = model.score("Was it built and waiting for a buyer, i.e. finished").risk
        let split = model.score("Was it built and waiting for a buyer. I.e. finished").risk
        #expect(abs(alone - split) < 1.5, "\(alone) \(split): 'e' alone must not decide the score")
    }

    @Test("the net never lowers what the rules found")
    func onlyRaises() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        for line in ["I want to kill myself", "I took all my pills", "my friend says she wants to die", "I'm not going to hurt myself"] {
            #expect(screen.assess(line).tier >= screen.assessByRules(line).tier, "\(line)")
        }
    }

    @Test("a joke that took a wish to die down a step is weighed by the net: a plain wish keeps its crisis")
    func jokes() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        #expect(screen.assessByRules("i want to die lol anyway what's for dinner").tier == .concern)
        #expect(screen.assessByRules("i want to die lol anyway what's for dinner").jokeSoftened)
        #expect(screen.assess("i want to die lol anyway what's for dinner").tier == .crisis)
        #expect(screen.assess("yeah so i'm gonna kill myself lol anyway how was ur day").tier >= .crisis)
        #expect(screen.assess("ugh period cramps are the worst, i want to die lol").tier == .concern)
        #expect(screen.assess("my mom said she'll kill me if I come home late again lol").tier < .crisis)
    }

    @Test("a denied time alone leaves the line to the net; a denial of risk itself stands")
    func deniedTime() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        let line = "not tonight. but the pull to be gone forever is getting stronger every day"
        let rules = screen.assessByRules(line)
        #expect(rules.tier == .none)
        #expect(rules.hits.contains { $0.signal == "time" && $0.negated })
        #expect(screen.assess(line).tier >= .crisis, "the denied 'tonight' must not silence the net")
        #expect(screen.assess("I'm not going to hurt myself, I promise").tier < .crisis)
    }

    @Test("means at hand that the rules hold at concern become a crisis when the net reads the words as risky")
    func meansAtHand() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        let line = "got the lighter in my hand and the petrol can open, nobody is home"
        #expect(screen.assessByRules(line).tier == .concern)
        #expect(screen.assess(line).tier >= .crisis)
        #expect(screen.assess("got the lighter in my hand for the birthday candles").tier < .crisis)
    }

    @Test("the bare word suicide or self-harm, and 'I could die', are held at concern for the net; a short line with them is a crisis")
    func heldWords() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        for line in ["we covered Durkheim's study of suicide in sociology today", "writing my thesis on self-harm among adolescents",
                     "the bass drop in that song is insane, I could die"]
        {
            #expect(screen.assessByRules(line).tier == .concern, "\(line)")
            #expect(screen.assess(line).tier < .crisis, "\(line)")
        }
        for line in ["suicide", "suicidal", "self harm", "i could die"] {
            #expect(screen.assess(line).tier >= .crisis, "\(line)")
            #expect(SafetyScreen().assess(line).tier >= .crisis, "with no net at all: \(line)")
        }
        // Tied to the person, the words are a crisis by the rules alone.
        for line in ["i've been feeling suicidal all week", "my suicidal thoughts are back", "i self harmed again last night",
                     "suicide is all i think about", "I might just die"]
        {
            #expect(screen.assessByRules(line).tier >= .crisis, "\(line)")
        }
        #expect(screen.assess("honestly I could just die tonight and nobody would even notice").tier >= .crisis)
    }

    @Test("a line the urgency model reads as happening now needs less risk to be an emergency, never less than 7 to 1")
    func urgentLines() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        let line = "the tracks are buzzing, train's coming, i'm lying down"
        #expect(screen.assessByRules(line).tier < .crisis)
        let score = try #require(screen.assess(line, explain: true).score)
        let model = try #require(SafetyModel.builtIn)
        #expect(score.risk >= model.urgentRiskThreshold && score.risk < model.crisisThreshold)
        #expect(screen.assess(line).tier == .emergency)
        #expect(screen.assess("Reading Anna Karenina again for book club. The ending with the train still gets me.").tier < .crisis)
    }

    @Test("a threat from someone else that the urgency model reads as happening now is an emergency")
    func dangerNow() throws {
        let screen = SafetyScreen(lexicon: .builtIn, model: SafetyModel.builtIn)
        let line = "he says he's going to kill me, i can hear him on the stairs"
        #expect(screen.assessByRules(line).tier == .crisis)
        #expect(screen.assessByRules(line).category == .danger)
        #expect(screen.assess(line).tier == .emergency)
        #expect(screen.assess(line).category == .danger)
        #expect(screen.assess("my ex keeps texting that he'll kill me one day, it's been months").tier == .crisis)
    }

    @Test("a damaged model file is an error with its line and a hint", arguments: [
        ("format 1\nbuckets 4\nconcern 1\ncrisis 2\nemergency 3\nrisk 0 1 AAAA\n", 6),
        ("format 1\nbuckets 4\nconcern 1\ncrisis 2\nemergency 3\nrisk 0 1 AAAAAA==\nurgency 0 1 AAAAAA==\nurgent 2\n", 1),
        ("format 2\n", 1),
        ("# nothing\n", 1),
    ])
    func damaged(text: String, line: Int) {
        #expect(throws: SafetyModelError.self) { try SafetyModel(text: text, path: "m.txt") }
        do { _ = try SafetyModel(text: text, path: "m.txt") } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.hasPrefix("m.txt:\(line):1: error:"))
        }
    }
}
