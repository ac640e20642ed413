import Foundation
import TestSupport
import Testing
@testable import Dialogue

/// The talk around the exercises: small talk, feelings and offers, with the safety screen first.
@Suite("Conversation")
struct ConversationTests {
    @Test("a greeting is answered as a greeting and asks how the person is, and starts nothing")
    func greeting() {
        let session = Shipped.session()
        let reply = session.respond(to: "hello")
        #expect(reply.route == "smalltalk" && reply.topic == "greeting")
        #expect(reply.lines.count == 1 && reply.lines[0].contains("How"))
        #expect(reply.flow == nil && reply.offered.isEmpty)
    }

    @Test("questions about the program get an honest answer: a program, nobody reads this, it can't contact anyone",
          arguments: ["are you a real person", "r u a bot", "who are you", "Is this AI? Just wondering", "am I talking to a human"])
    func honesty(line: String) {
        let text = Shipped.session().respond(to: line).lines.joined(separator: " ")
        #expect(text.contains("program") && text.contains("not a person") && text.contains("Nobody reads") && text.contains("can't contact"))
    }

    @Test("a feeling is reflected with the person's words swapped, then two or three exercises are offered")
    func feeling() {
        let session = Shipped.session()
        let reply = session.respond(to: "I miss my mom")
        #expect(reply.route == "feeling" && reply.topic == "grief")
        #expect(reply.lines[0].contains("you miss your mom"))
        #expect((2...3).contains(reply.offered.count))
        #expect(reply.flow == nil, "a feeling never starts an exercise uninvited")
        #expect(session.respond(to: "2").flow == reply.offered[1])
    }

    @Test("the same feeling twice in a row gets neither the same reply nor the same offer")
    func noRepeats() {
        let session = Shipped.session()
        let first = session.respond(to: "I'm sad")
        _ = session.respond(to: "no")
        let second = session.respond(to: "I'm sad")
        #expect(first.lines[0] != second.lines[0])
        #expect(first.offered != second.offered)
    }

    @Test("an offer: yes with one exercise starts it, no declines, maybe asks again and keeps it open")
    func offerAnswers() {
        let yes = Shipped.session()
        #expect(yes.respond(to: "want a list of feel better ideas").offered == ["self-care"])
        #expect(yes.respond(to: "yes").flow == "self-care")
        let no = Shipped.session()
        _ = no.respond(to: "want a list of feel better ideas")
        let declined = no.respond(to: "no")
        #expect(declined.flow == nil && declined.offered.isEmpty)
        let maybe = Shipped.session()
        _ = maybe.respond(to: "want a list of feel better ideas")
        #expect(maybe.respond(to: "maybe").offered == ["self-care"])
        #expect(maybe.respond(to: "ok").flow == "self-care")
    }

    @Test("a crisis line during an offer goes to the crisis flow and closes the offer")
    func crisisDuringOffer() {
        let session = Shipped.session()
        _ = session.respond(to: "I'm exhausted")
        let crisis = session.respond(to: "I want to kill myself")
        #expect(crisis.safety >= .crisis && crisis.flow == CrisisFlow.id)
        #expect(crisis.offered.isEmpty)
        _ = session.respond(to: "stop")
        #expect(session.respond(to: "1").flow == nil, "the exercises offered before the crisis are no longer on offer")
    }

    @Test("small talk never starts an exercise", arguments: ["hi", "thanks", "sorry", "never mind", "I don't know", "yes", "no", "ok",
                                                             "lol", "good morning", "bye for now", "can you help me", "is this private"])
    func smallTalkStartsNothing(line: String) {
        let reply = Shipped.session().respond(to: line)
        #expect(reply.flow == nil, "\(line) started \(reply.flow ?? "")")
    }

    @Test("after-session ends by offering a coping exercise, and the note is kept for the next session")
    func afterSession() {
        let journal = MemoryJournal()
        let session = Shipped.session(journal: journal)
        #expect(session.respond(to: "I feel worse after therapy today").flow == "after-session")
        _ = session.respond(to: "yes")
        let end = session.respond(to: "I cried the whole way home")
        #expect(end.flow == nil && end.offered.count == 3)
        #expect(journal.entries().map(\.text) == ["For my next therapy session: I cried the whole way home"])
        #expect(session.respond(to: "3").flow == end.offered[2])
    }

    @Test("an echo is short and plain, or there is none")
    func echo() {
        let swaps = Shipped.library.router.script.swaps
        #expect(Reflection.echo("I'm angry at my boss", swaps: swaps, limit: 9) == "you are angry at your boss")
        #expect(Reflection.echo("honestly I feel so lonely, but whatever", swaps: swaps, limit: 9) == "you feel so lonely")
        #expect(Reflection.echo("you never help me", swaps: swaps, limit: 9) == nil)
        #expect(Reflection.echo("sad", swaps: swaps, limit: 9) == nil)
        #expect(Reflection.echo("I feel like every single thing in my whole life has gone wrong", swaps: swaps, limit: 9) == nil)
    }

    @Test("a broken conversation file is reported at its line and column, with a hint")
    func diagnostics() throws {
        #expect(throws: Diagnostic.self) { try ConversationScript.load(text: "topics:\n  hi:\n    kind: chat\n    patterns: [hi]\n    say: hello\n", path: "t.yaml") }
        do {
            _ = try ConversationScript.load(text: "topics:\n  hi:\n    kind: chat\n    patterns: [hi]\n    say: hello\n", path: "t.yaml")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:3:11: error: 'chat' is not a kind of topic"))
            #expect(error.hint?.contains("smalltalk") == true)
        }
        let folder = Repository.temporaryFolder()
        try "topics: [oops".write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let (script, problems) = ConversationScript.load(folder: folder)
        #expect(script.topics.isEmpty && problems.count == 1 && problems[0].severity == .warning)
    }
}
