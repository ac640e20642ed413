import Testing
@testable import Intents

/// The frames, as a grid: every stance with every act reaches crisis for the writer, and the same
/// grid with an object that is not oneself, a figure of speech, or someone else does not.
@Suite("Safety frames, built-in lexicon")
struct SafetyFramesTests {
    static let screen = SafetyScreen()

    static let stances = [
        "I want to", "I really want to", "I'm going to", "I'm planning to", "I've decided to", "I feel like I want to",
        "I have the urge to", "I can't stop thinking about wanting to", "I'm thinking of", "I'm considering",
        "I'm about to", "I keep thinking about", "I wish I could", "I might just", "I'm tempted to",
    ]
    static let acts = [
        "kill myself", "end my life", "overdose", "cut myself", "hurt myself", "hang myself", "jump off a bridge",
        "walk into traffic", "drown myself", "starve myself", "shoot myself", "self harm", "die", "cut", "burn myself",
    ]
    static let times = ["", " tonight", " this weekend"]

    /// A stance and an act read naturally: "thinking of" takes a gerund.
    static func line(_ stance: String, _ act: String, _ time: String) -> String {
        let gerunds = ["kill myself": "killing myself", "end my life": "ending my life", "overdose": "overdosing",
                       "cut myself": "cutting myself", "hurt myself": "hurting myself", "hang myself": "hanging myself",
                       "jump off a bridge": "jumping off a bridge", "walk into traffic": "walking into traffic",
                       "drown myself": "drowning myself", "starve myself": "starving myself", "shoot myself": "shooting myself",
                       "self harm": "self harming", "die": "dying", "cut": "cutting", "burn myself": "burning myself"]
        let takesGerund = stance.hasSuffix(" of") || stance.hasSuffix("considering") || stance.hasSuffix("thinking about")
        return "\(stance) \(takesGerund ? gerunds[act]! : act)\(time)"
    }

    @Test("every stance with every act, with or without a time, is at least a crisis", arguments: times)
    func grid(time: String) {
        for stance in Self.stances {
            for act in Self.acts {
                let text = Self.line(stance, act, time)
                let assessment = Self.screen.assessByRules(text)
                #expect(assessment.tier >= .crisis, "\(text): \(assessment.tier)")
            }
        }
    }

    @Test("the same stances with something else as the object, or a figure of speech, stay below crisis", arguments: [
        "cut the cake", "cut my hair", "cut vegetables", "cut down on drinking", "cut ties with him", "hurt her feelings",
        "jump in the pool", "hang the pictures", "hang out with friends", "burn the old letters", "end the meeting early",
        "die of embarrassment", "kill it at the gig", "drown out the noise", "end this call", "hang every picture",
        "jump straight into the next book", "cut salt from my diet", "dye my roots", "cut my sugar", "bleed my radiators", "step off the bus",
        "try the hanging plant shelf", "try the jumping jacks challenge", "burn all my old work notes",
    ])
    func notSelf(object: String) {
        for stance in ["I want to", "I'm going to", "I'm planning to", "I have the urge to", "I feel like I want to"] {
            let text = "\(stance) \(object)"
            #expect(Self.screen.assessByRules(text).tier < .crisis, "\(text)")
        }
    }

    @Test("an open act on one's own body is a crisis, whatever the part: 'my' stops only the bare reading", arguments: [
        "cut my ankles", "cut my inner thighs", "burn my arm", "scratch my skin", "cut my neck", "hurt my body",
    ])
    func ownBody(object: String) {
        for stance in ["I want to", "I have the urge to", "I'm going to"] {
            let text = "\(stance) \(object)"
            #expect(Self.screen.assessByRules(text).tier >= .crisis, "\(text)")
        }
    }

    @Test("a sideways wish that something would end one's life is a crisis, whichever wish and whichever misfortune")
    func passiveWish() {
        for wish in ["I wouldn't mind if", "honestly I'd be relieved if", "kinda hoping", "I'd welcome"] {
            for misfortune in ["I got hit by a bus", "the plane went down", "a truck hit me", "I didn't wake up", "death"] {
                let text = "\(wish) \(misfortune)"
                #expect(Self.screen.assessByRules(text).tier >= .crisis, "\(text)")
            }
        }
        for text in ["I wouldn't mind if you came round later", "hoping my mum's surgery goes well", "I hope the bus isn't late",
                     "I'd be so relieved if the meeting got cancelled"]
        {
            #expect(Self.screen.assessByRules(text).tier < .crisis, "\(text)")
        }
    }

    @Test("the same grid about someone else is a concern about them, not a crisis about the writer")
    func someoneElse() {
        for act in ["kill herself", "end her life", "overdose", "cut herself", "hurt herself", "jump off a bridge"] {
            let text = "my friend says she wants to \(act)"
            let assessment = Self.screen.assess(text)
            #expect(assessment.tier < .crisis || assessment.category != .oneself, "\(text): \(assessment.tier)")
        }
    }

    @Test("a denial or the past softens a frame by one step; a bare joke does not")
    func softening() {
        #expect(Self.screen.assess("I'm not going to hurt myself, I just feel low").tier == .concern)
        #expect(Self.screen.assess("I would never hurt myself").tier < .crisis)
        #expect(Self.screen.assess("I want to die lol").tier >= .crisis)
        #expect(Self.screen.assess("thinking of overdosing").tier >= .crisis)
    }

    @Test("a report of self-harm again, a farewell, and not wanting to go on are crises", arguments: [
        "I relapsed last night", "cut again last night", "I've been cutting again", "saying goodbye in case I'm not around tomorrow",
        "I won't be around much longer", "I can't keep living like this", "I want out of this life",
        "I cut my thighs last night", "I'm tired of surviving", "I've been googling painless ways",
        // Figures of speech must never hide the act beside them.
        "I want to throw myself into the river", "I want to kill myself to get away from it all", "I left a suicide note by the door",
        "I'm going to jump into the sea tonight", "the urge to cut all over my arms",
    ])
    func reports(text: String) {
        #expect(Self.screen.assess(text).tier >= .crisis, "\(text)")
    }

    @Test("an act under way, means in hand with intent, or a threat at the door is an emergency", arguments: [
        "I took a whole bottle of pills", "I have a knife in my hand and I'm going to use it on myself",
        "he's at the door threatening to kill me", "I'm standing on the edge of the bridge and I want to jump",
        "he says he will finish me tonight and he is outside the door", "I swallowed every last one",
    ])
    func emergencies(text: String) {
        #expect(Self.screen.assess(text).tier == .emergency, "\(text)")
    }

    @Test("putting things in order 'before I go' is a crisis, unless what follows makes it a trip", arguments: [
        ("just tidying up before I go", true), ("sorting out my affairs before I go.", true),
        ("tidying up before I go on holiday", false), ("sorting things out before I go to work tomorrow", false),
    ])
    func tidyBeforeGoing(text: String, risky: Bool) {
        #expect((Self.screen.assess(text).tier >= .crisis) == risky, "\(text)")
    }

    @Test("asking whether a want is normal reads the act it asks about", arguments: [
        ("is it weird that I still want to die", true), ("is it bad to want to hurt myself", true),
        ("is it ok to hang fairy lights in a rented flat", false), ("is it normal to want to cut my fringe myself", false),
    ])
    func questionStance(text: String, risky: Bool) {
        #expect((Self.screen.assess(text).tier >= .crisis) == risky, "\(text)")
    }

    @Test("a line that says the person it talks about is the writer is the writer's own", arguments: [
        "she cut again last night. she = me", "she wants to die. she is me", "he took 20 pills. he is me",
    ])
    func selfReveal(text: String) {
        let assessment = Self.screen.assess(text)
        #expect(assessment.tier >= .crisis && assessment.category == .oneself, "\(text)")
    }

    @Test("cutting food, hair or ties is not self-harm", arguments: [
        "I'm cutting vegetables for dinner", "I am cutting the onions now", "cutting my hair tonight", "I'm cutting ties with a toxic friend",
    ])
    func food(text: String) {
        #expect(Self.screen.assess(text).tier < .crisis, "\(text)")
    }

    @Test("a format character inside a word changes nothing", arguments: ["\u{200B}", "\u{00AD}", "\u{200D}", "\u{2060}", "\u{202E}", "\u{FEFF}"])
    func formatCharacters(mark: String) {
        for line in ["I want to kill myself", "I want to die"] {
            let plain = Self.screen.assess(line).tier
            let chars = Array(line)
            for index in 1..<chars.count {
                let marked = String(chars[..<index]) + mark + String(chars[index...])
                #expect(Self.screen.assess(marked).tier == plain, "\(marked.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())")
            }
        }
    }
}
