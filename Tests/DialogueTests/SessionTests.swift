import Intents
import TestSupport
import Testing
@testable import Dialogue

@Suite("Session")
struct SessionTests {
    @Test("a crisis message at the top level starts the crisis flow with the region's lines")
    func crisisAtTop() {
        let reply = Shipped.session(region: "US").respond(to: "I want to kill myself")
        #expect(reply.safety == .crisis)
        #expect(reply.flow == "crisis")
        #expect(reply.lines.contains { $0.contains("988") })
        #expect(reply.lines.contains { $0.contains("suicide") && $0.hasSuffix("?") })
    }

    @Test("an emergency puts the emergency number first")
    func emergencyFirst() {
        let reply = Shipped.session(region: "GB").respond(to: "I have taken all my pills")
        #expect(reply.safety == .emergency)
        #expect(reply.lines.first?.contains("999") == true)
        #expect(reply.lines.contains { $0.contains("116 123") })
    }

    @Test("an unknown region gets the international lines, not the US ones")
    func unknownRegion() {
        let reply = Shipped.session(region: nil).respond(to: "I want to die")
        #expect(reply.lines.contains { $0.contains("findahelpline.com") })
        #expect(!reply.lines.contains { $0.contains("988") })
    }

    @Test("a crisis message typed as an answer is never stored")
    func captureNotStored() {
        let session = Shipped.session()
        _ = session.respond(to: "help me notice something good")
        #expect(session.current?.flow == "two-good-things")
        let reply = session.respond(to: "honestly I want to end my life")
        #expect(reply.flow == "crisis")
        #expect(!session.stored.contains("honestly I want to end my life"))
        #expect(session.stored.isEmpty)
    }

    @Test("after an escalation the person chooses what comes next")
    func noCheerfulJump() {
        let session = Shipped.session()
        _ = session.respond(to: "I want to kill myself")
        let reply = session.respond(to: "breathing exercise")
        #expect(reply.flow == "crisis")
        #expect(!reply.lines.isEmpty)
    }

    @Test("a check-in that is answered no goes back to the exercise")
    func concernResumes() {
        let session = Shipped.session()
        _ = session.respond(to: "help me notice something good")
        let step = session.current?.step
        let check = session.respond(to: "I feel completely hopeless")
        #expect(check.safety == .concern)
        #expect(check.flow == "crisis")
        let back = session.respond(to: "no")
        #expect(back.flow == "two-good-things")
        #expect(back.step == step)
    }

    @Test("a check-in answered yes gives the crisis lines without asking the same question again")
    func concernEscalates() {
        let session = Shipped.session()
        _ = session.respond(to: "I feel like a burden to everyone")
        let reply = session.respond(to: "yes")
        #expect(reply.step == "concern-yes")
        #expect(reply.lines.contains { $0.contains("988") })
        #expect(!reply.lines.contains { $0.contains("are you thinking about suicide") })
    }

    @Test("asking for the crisis lines works inside an exercise, and stopping the crisis flow repeats how to reach them")
    func crisisLinesEverywhere() {
        let session = Shipped.session()
        _ = session.respond(to: "I'd like to journal")
        let reply = session.respond(to: "I need help right now")
        #expect(reply.flow == nil)
        #expect(reply.lines.contains { $0.contains("988") })
        _ = session.respond(to: "I want to die")
        let stop = session.respond(to: "stop")
        #expect(stop.lines.contains { $0.contains("988") })
    }

    @Test("a choice step lists its options, and a negated answer does not pick one")
    func choices() {
        let session = Shipped.session()
        var reply = Reply()
        for line in ["I need someone to talk to", "yes", "Sam"] { reply = session.respond(to: line) }
        #expect(reply.step == "send")
        #expect(reply.lines.suffix(3) == ["1. Use this message", "2. Write my own", "3. Not ready to send yet"])
        let negated = session.respond(to: "I don't want to send it")
        #expect(negated.step == "send", "a negated answer must not pick 'Use this message'")
        #expect(negated.lines.contains("1. Use this message"))
        #expect(session.respond(to: "3").step != "send")
    }

    @Test("worry about someone else gets its own reply, then goes back to the exercise")
    func someoneElse() {
        let session = Shipped.session()
        _ = session.respond(to: "help me notice something good")
        let reply = session.respond(to: "my friend says she wants to kill herself")
        #expect(reply.step == "someone-else")
        #expect(reply.lines.contains { $0.contains("988") })
        #expect(reply.lines.contains { $0.contains("worried about someone") })
        let back = session.respond(to: "pretty shaken honestly")
        #expect(back.flow == "two-good-things")
    }

    @Test("inside the crisis flow, a concern typed as free text is not stored: it gets the check-in")
    func concernInsideCrisisFlow() {
        let session = Shipped.session()
        _ = session.respond(to: "help me notice something good")
        _ = session.respond(to: "my sister says she wants to die")
        let reply = session.respond(to: "honestly I feel hopeless too")
        #expect(reply.step == "concern")
        #expect(!session.stored.contains("honestly I feel hopeless too"))
    }

    @Test("the crisis lines are one word away at every step, and a story about a helpline is not a request")
    func crisisCommand() {
        let session = Shipped.session()
        _ = session.respond(to: "I'd like to journal")
        #expect(session.respond(to: "crisis").lines.contains { $0.contains("988") })
        _ = session.respond(to: "I'd like to journal")
        let story = session.respond(to: "today I finally called a helpline and it went okay")
        #expect(story.flow == "journal")
        #expect(session.stored.contains("today I finally called a helpline and it went okay"))
    }

    @Test("odd numbers and negated ordinals never pick or crash")
    func oddNumbers() {
        let session = Shipped.session()
        _ = session.respond(to: "-9223372036854775808")
        _ = session.respond(to: "0")
        _ = session.respond(to: "distract me please")
        _ = session.respond(to: "not the first one")
        #expect(session.current?.step == "pick", "a negated ordinal must not pick choice 1")
    }

    @Test("someone else in danger right now puts the emergency number first")
    func someoneElseEmergency() {
        let reply = Shipped.session(region: "GB").respond(to: "my friend just texted that she's jumping off the roof now")
        #expect(reply.safety == .emergency)
        #expect(reply.category == .someoneElse)
        #expect(reply.lines.first?.contains("999") == true)
    }

    @Test("every command pattern compiles, and each command answers to its own word", arguments: Command.allCases)
    func commandPatterns(command: Command) throws {
        for pattern in Command.patterns[command] ?? [] {
            var matcher = IntentMatcher(concepts: ConceptTable())
            #expect(throws: Never.self) { try matcher.add(intent: "x", pattern: pattern) }
        }
        #expect(Command.match(command.rawValue) == command)
    }

    @Test("stop leaves an exercise; help and quit work inside one")
    func commands() {
        let session = Shipped.session()
        _ = session.respond(to: "help me notice something good")
        let help = session.respond(to: "help")
        #expect(help.flow == "two-good-things")
        #expect(help.lines.contains { $0.contains("stop") })
        let stop = session.respond(to: "stop")
        #expect(stop.flow == nil)
        #expect(session.respond(to: "quit").quit)
    }

    @Test("input that matches nothing gets an honest answer and a menu")
    func notUnderstood() {
        let reply = Shipped.session().respond(to: "purple elephants negotiate")
        #expect(reply.lines.first == "I'm not sure I understood that. I'm a simple program, and I only know a few exercises, such as:")
        #expect(reply.lines.contains { $0.hasPrefix("1. ") })
        #expect(reply.lines.count <= 8, "a short menu")
        #expect(reply.flow == nil)
    }

    @Test("the same seed gives the same conversation; the picker never repeats a variant twice in a row")
    func determinism() {
        let inputs = ["I'm stressed about work", "stop", "I'm stressed about work", "stop", "I'm stressed about work"]
        let a = Shipped.session(seed: 42), b = Shipped.session(seed: 42)
        #expect(inputs.map { a.respond(to: $0).lines } == inputs.map { b.respond(to: $0).lines })
        var picker = VariantPicker(seed: 3)
        var last = -1
        for _ in 0..<200 {
            let pick = picker.pick("k", count: 3)
            #expect(pick != last)
            #expect((0..<3).contains(pick))
            last = pick
        }
    }

    @Test("control characters and escape sequences are removed from input")
    func cleaning() {
        #expect(Session.clean("he\u{7}llo\u{1B}[31m red\tx") == "hello red x")
    }

    @Test("a finished exercise saves to the journal it was given")
    func journal() {
        let journal = MemoryJournal()
        let session = Shipped.session(journal: journal)
        for line in ["help me notice something good", "a warm coffee", "I made time for it", "a call with my sister", "she rang me"] {
            _ = session.respond(to: line)
        }
        #expect(journal.saved.count == 1)
        #expect(journal.saved.first?.flow == "two-good-things")
        #expect(journal.saved.first?.text.contains("a warm coffee") == true)
    }
}

@Suite("Session and library with hostile input")
struct HostileFlowSessionTests {
    @Test("a person's flow with an empty branch is skipped with a warning, and its trigger starts nothing")
    func emptyBranch() {
        let folder = Repository.root + "/Tests/Fixtures/hostile-flows/empty-branch"
        let library = FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts, userFolders: [folder]))
        #expect(library.flows["empty-branch"] == nil)
        #expect(library.diagnostics.contains { $0.code == "F013" && $0.severity == .warning && $0.message.contains("this file is skipped") })
        let reply = Session(library: library, region: "US").respond(to: "empty branch test")
        #expect(reply.flow == nil)
    }

    @Test("a long conversation keeps only the latest answers, so memory stays bounded")
    func boundedAnswers() {
        let session = Shipped.session()
        for cycle in 0..<60 {
            _ = session.respond(to: "help me notice something good")
            _ = session.respond(to: "coffee \(cycle)")
            _ = session.respond(to: "it was warm \(cycle)")
            _ = session.respond(to: "stop")
        }
        #expect(session.stored.count == Session.maximumRemembered)
        #expect(session.stored.last == "it was warm 59")
    }

    @Test("a flows folder that exists but can't be listed is reported, not ignored")
    func unreadableFolder() throws {
        let notAFolder = Repository.temporaryFolder() + "/flows"
        try "not a folder".write(toFile: notAFolder, atomically: true, encoding: .utf8)
        let user = FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts, userFolders: [notAFolder]))
        #expect(user.diagnostics.map(\.description) == [
            notAFolder + ":1:1: warning: can't read the flows folder: Not a directory; none of your flows there are loaded [F000]\n  hint: check that it is a folder you may read (ls -ld '\(notAFolder)')",
        ])
        let shipped = FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts, flowFolders: [notAFolder]))
        #expect(shipped.diagnostics.contains { $0.path == notAFolder && $0.severity == .error && $0.code == "F000" })
        #expect(FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts, userFolders: [notAFolder + "-missing"])).diagnostics.isEmpty,
                "a folder that isn't there is simply empty")
    }
}
