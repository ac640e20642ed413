import Testing
@testable import Intents

/// The compiled-in lexicon alone: what still works when every data file is gone.
@Suite("SafetyScreen, built-in lexicon")
struct SafetyScreenTests {
    let screen = SafetyScreen()

    @Test("compiles every built-in pattern")
    func compiles() {
        #expect(screen.problems == [])
    }

    @Test("core crisis statements reach crisis", arguments: [
        "I want to kill myself", "i wanna die", "thinking about suicide", "I want to end my life", "I've been self harming",
        "I don't want to live anymore", "everyone would be better off without me", "gonna unalive myself",
        "quiero morir", "je veux mourir", "i'm not safe with myself",
        "what's the least painful way to go", "how many of my sleeping pills would it take to not wake up",
        "saying goodbye now in case i don't get another chance",
    ])
    func crisis(text: String) {
        #expect(screen.assess(text).tier >= .crisis, "\(text)")
    }

    @Test("acts, means at hand and a time reach emergency", arguments: [
        "I took all my pills", "the rope is ready", "I'm standing on the bridge", "going to kill myself tonight",
        "my boyfriend is threatening me with a gun",
    ])
    func emergency(text: String) {
        #expect(screen.assess(text).tier == .emergency, "\(text)")
    }

    @Test("hopelessness and burden reach concern", arguments: [
        "I feel hopeless", "I can't cope with this anymore", "I'm such a burden", "nothing will ever change",
    ])
    func concern(text: String) {
        #expect(screen.assess(text).tier == .concern, "\(text)")
    }

    @Test("figures of speech stay calm", arguments: [
        "my commute is killing me", "we killed it at the gig", "I'd kill for a coffee", "dying to see that film",
        "I'm dying of laughter", "he cut me off", "I'm going to dye my hair", "I could die of embarrassment",
        "what's the quickest way to go to the station from here", "said goodbye to my flatmates before the holidays",
    ])
    func calm(text: String) {
        #expect(screen.assess(text).tier == .none, "\(text)")
    }

    @Test("a figure of speech is not set aside when a signal that starts with it runs on past it")
    func longerReadingWins() {
        let ending = screen.assess("I'm going to end it with him and then myself")
        #expect(ending.tier >= .crisis)
        #expect(ending.figures.isEmpty)
        let breakUp = screen.assess("I'm going to end it with him and then go to bed")
        #expect(breakUp.tier == .none)
        #expect(breakUp.figures.count == 1)
    }

    @Test("look-alikes, spacing and repeated letters are seen through", arguments: [
        "i want to k1ll mys3lf", "s u i c i d e", "k.m.s", "i want to diiie", "I want to kil myself", "suicidle",
    ])
    func disguised(text: String) {
        #expect(screen.assess(text).tier >= .crisis, "\(text)")
    }

    @Test("a negation lowers crisis by one step, never below concern")
    func negation() {
        let negated = screen.assess("I'm not going to hurt myself")
        #expect(negated.tier == .concern)
        #expect(negated.hits.contains { $0.negated })
        #expect(screen.assess("I would never kill myself").tier == .concern)
    }

    @Test("a negated act or method still gets a check-in")
    func firmNegation() {
        #expect(screen.assess("I haven't taken all my pills").tier >= .concern)
        #expect(screen.assess("I didn't take my pills this morning").tier == .none, "a method merely named is no check-in")
    }

    @Test("can't stop is not a negation")
    func cantStop() {
        #expect(screen.assess("I can't stop thinking about killing myself").tier >= .crisis)
    }

    @Test("danger from another person is its own category")
    func danger() {
        let assessment = screen.assess("my dad keeps hitting me")
        #expect(assessment.tier >= .crisis)
        #expect(assessment.category == .danger)
    }

    @Test("a threat inside what the person says of themselves is theirs: the crisis reply, not the danger one")
    func ownThreat() {
        for text in ["I'm holding the knife to my throat right now", "gun to my head", "wouldn't mind if a bus hit me"] {
            #expect(screen.assess(text).category == .oneself, "\(text)")
            #expect(screen.assess(text).tier >= .crisis, "\(text)")
        }
        for text in ["he's got a knife to my sister and I'm next", "my dad hit me again last night"] {
            #expect(screen.assess(text).category == .danger, "\(text)")
        }
    }

    @Test("a plan to hurt someone else is its own category")
    func others() {
        let assessment = screen.assess("I'm going to hurt him")
        #expect(assessment.tier >= .crisis)
        #expect(assessment.category == .others)
    }

    @Test("a huge line is screened in linear pieces and still caught")
    func hugeLine() {
        let filler = String(repeating: "blah ", count: 20_000)
        #expect(screen.assess(filler + "I want to kill myself").tier >= .crisis)
        #expect(screen.assess(filler).tier == .none)
    }

    @Test("empty and symbol-only lines are none")
    func empty() {
        #expect(screen.assess("").tier == .none)
        #expect(screen.assess("?!... \u{1F600}").tier == .none)
    }

    @Test("a statement about someone else is a concern about them, not a crisis about the writer")
    func someoneElse() {
        for text in ["my friend says she wants to die", "my brother has been cutting himself", "im scared my mom might hurt herself"] {
            let assessment = screen.assess(text)
            #expect(assessment.tier == .concern, "\(text)")
            #expect(assessment.category == .someoneElse, "\(text)")
        }
        #expect(screen.assess("my friend told me i should kill myself").category == .oneself)
    }

    @Test("joking, the past and taking it back soften by one step, never below concern")
    func softening() {
        #expect(screen.assess("ugh these cramps, i want to die lol").tier == .concern)
        #expect(screen.assess("i used to cut").tier == .concern)
        #expect(screen.assess("intrusive thoughts about hurting myself but i'd never act on them").tier == .concern)
        #expect(screen.assess("i took all my pills lol").tier == .emergency, "an act is never softened by a joke")
    }

    @Test("a joke taken back in a later sentence counts for the whole message")
    func jokeTakenBackLater() {
        #expect(screen.assess("unalive thoughts are back lol").tier == .concern)
        #expect(screen.assess("unalive thoughts are back lol. not lol").tier >= .crisis)
        #expect(screen.assess("i want to die lol. seriously though").tier >= .crisis)
        #expect(screen.assess("i want to die lol. no but actually").tier >= .crisis)
        #expect(screen.assess("i want to die lmao. for real").tier >= .crisis)
        #expect(screen.assess("i want to die lmao").tier >= .crisis, "a wish to die on its own is not softened by a joke")
    }

    @Test("'if I wasn't' and 'I wish I didn't' are a condition or a wish, not a denial")
    func counterfactualIsNotNegation() {
        #expect(screen.assess("everyone would be happier if i wasnt dragging them down").tier == .concern)
        #expect(screen.assess("i'm not dragging them down").tier == .none)
    }

    @Test("sitting somewhere high is an emergency on a ledge or a bridge, not on a balcony or a roof")
    func sittingHigh() {
        #expect(screen.assess("i'm sitting on the ledge").tier == .emergency)
        #expect(screen.assess("sitting on the bridge railing").tier == .emergency)
        #expect(screen.assess("sitting on the balcony with a coffee").tier == .none)
        #expect(screen.assess("sitting on the roof with a beer watching the sunset").tier == .none)
    }

    @Test("a negation does not reach across a comma")
    func negationStopsAtComma() {
        #expect(screen.assess("told my therapist i was fine but i'm really not, suicide is all i think about").tier >= .crisis)
        #expect(screen.assess("no, i'm not suicidal").tier == .concern)
        #expect(screen.assess("i'm not going to kill myself, don't worry").tier == .concern)
        #expect(screen.assess("1,000 people signed up").tier == .none)
    }

    @Test("French elisions are split before matching")
    func elision() {
        #expect(Normalizer.words("j'ai pris, je n'en peux plus") == ["j", "ai", "pris", "je", "n", "en", "peux", "plus"])
        #expect(screen.assess("j'aimerais m'endormir et ne jamais me réveiller").tier >= .crisis)
    }

    @Test("an ordinary double letter is not squeezed into a risk word; three or more are")
    func doubleLetters() {
        #expect(screen.assess("this razor blade against my skin feels so much smoother").tier < .crisis)
        #expect(screen.assess("i want to diiiie").tier >= .crisis)
    }

    @Test("ordinary words are not 'corrected' into risk words")
    func noFalseCorrections() {
        #expect(screen.assess("i brought my meds with me on the trip").tier == .none)
        #expect(screen.assess("so tired of being alive").tier >= .crisis, "tired stays tired")
        #expect(screen.assess("i want to kil myslef").tier >= .crisis)
        #expect(screen.assess("thinking about suicde").tier >= .crisis, "one letter off a typo target")
    }
}
