import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Transcript")
struct TranscriptTests {
    @Test("parses cases, inputs, expected lines and checks")
    func parse() throws {
        let transcript = try Transcript.parse("""
            @region GB
            === first
            > hello
            Hi there
            ...
            ~ help
            ? flow none
            ? var name = Sam
            """, path: "t.transcript")
        #expect(transcript.region == "GB")
        #expect(transcript.cases.count == 1)
        let turn = transcript.cases[0].turns[0]
        #expect(turn.input == "hello")
        #expect(turn.expectations == [.line("Hi there"), .anything, .contains("help"), .flow("none"), .variable("name", "Sam")])
        #expect(turn.expectationLines == 4...8)
    }

    @Test("an input with nothing expected is an error", arguments: ["=== a\n> hello\n", "=== a\n> one\n> two\nok\n"])
    func emptyExpectation(text: String) {
        #expect(throws: Diagnostic.self) { try Transcript.parse(text, path: "t") }
    }

    @Test("unknown checks and settings are errors that say what is allowed")
    func badLines() {
        do {
            _ = try Transcript.parse("=== a\n> hi\n? mood happy\n", path: "t")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "t:3:1: error: unknown check '? mood' [T001]\n  hint: use flow, step, safety or var")
        }
    }

    @Test("strict matching: an extra line fails, '...' accepts any lines")
    func strictness() {
        let expected: [Transcript.Expectation] = [.line("a"), .line("b")]
        #expect(TranscriptRunner.lines(["a", "b"], match: expected[...]))
        #expect(!TranscriptRunner.lines(["a", "b", "c"], match: expected[...]))
        #expect(TranscriptRunner.lines(["a", "x", "y", "b"], match: [.line("a"), .anything, .line("b")][...]))
        #expect(TranscriptRunner.lines(["a   b"].map(TranscriptRunner.squash), match: [.line("a b")][...]))
    }

    @Test("a failing case says where it parted and shows both sides")
    func failureReport() throws {
        let transcript = try Transcript.parse("=== wrong\n> purple elephants negotiate\nI understood you perfectly\n", path: "t")
        let result = TranscriptRunner(library: Shipped.library).run(transcript)[0]
        #expect(!result.passed)
        #expect(result.failure?.turnLine == 2)
        #expect(result.failure?.expectedLines == ["I understood you perfectly"])
        #expect(result.failure?.actualLines.first?.hasPrefix("I'm not sure I understood") == true)
    }

    @Test("checks of flow, step, safety and variables are enforced")
    func checks() throws {
        let pass = try Transcript.parse("=== ok\n> I want to kill myself\n? safety crisis\n? flow crisis\n? step crisis\n~ 988\n! 999\n", path: "t")
        #expect(TranscriptRunner(library: Shipped.library).run(pass)[0].passed)
        let fail = try Transcript.parse("=== no\n> I want to kill myself\n? safety none\n", path: "t")
        #expect(TranscriptRunner(library: Shipped.library).run(fail)[0].failure?.explanation == ["safety is 'crisis', expected 'none'"])
    }

    @Test("reads BotiumScript convo files")
    func botium() throws {
        let transcript = try Transcript.parseBotium("""
            greeting test

            #me
            I want to kill myself

            #bot
            Thank you for telling me*

            #bot
            988
            """, path: "x.convo.txt")
        #expect(transcript.cases[0].name == "greeting test")
        #expect(transcript.cases[0].turns[0].expectations == [.contains("Thank you for telling me*"), .contains("988")])
        #expect(TranscriptRunner(library: Shipped.library).run(transcript)[0].passed)
    }

    @Test("every shipped transcript passes, with the library as compiled and as read back from its archive",
          arguments: ["compiled", "read back"])
    func shipped(library: String) throws {
        let folder = Repository.scripts + "/transcripts"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".transcript") || $0.hasSuffix(".convo.txt") }.sorted()
        #expect(!files.isEmpty)
        let runner = TranscriptRunner(library: library == "compiled" ? Shipped.library : Shipped.readBack)
        for file in files {
            for result in runner.run(try Transcript.load(path: folder + "/" + file)) {
                #expect(result.passed, "\(file): \(result.name): \(result.failure?.explanation ?? [])")
            }
        }
    }

    @Test("a transcript with CRLF line endings reads the same as one with LF, in both formats")
    func crlf() throws {
        let transcript = try Transcript.load(path: Repository.root + "/Tests/Fixtures/hostile-transcripts/crlf.transcript")
        #expect(transcript.cases.map(\.name) == ["crlf"])
        #expect(transcript.cases[0].turns.map(\.input) == ["hello"])
        #expect(transcript.cases[0].turns[0].expectations == [.anything, .flow("none")])
        let botium = try Transcript.parseBotium("title\r\n#me\r\nhello\r\n#bot\r\nHi\r\n", path: "t.convo.txt")
        #expect(botium.cases[0].turns.map(\.input) == ["hello"])
        #expect(botium.cases[0].turns[0].expectations == [.contains("Hi")])
    }
}
