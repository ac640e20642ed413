import Testing
import TestSupport
@testable import Dialogue

@Suite("FlowLoader")
struct FlowLoaderTests {
    func load(_ text: String) throws(Diagnostic) -> Flow { try FlowLoader.load(text: text, path: "test.yaml") }

    func diagnostic(_ text: String) -> Diagnostic? {
        do { _ = try load(text); return nil } catch { return error }
    }

    @Test("the smallest flow, one step that only speaks, loads")
    func minimal() throws {
        let flow = try load("id: hi\ntitle: Hi\ntriggers:\n  - \"hello\"\nstart: reply\nsteps:\n  reply:\n    say: \"Hello.\"\n")
        #expect(flow.id.value == "hi")
        #expect(flow.steps["reply"]?.say.map(\.value) == ["Hello."])
        #expect(flow.triggers.first?.position.line == 4)
    }

    @Test("a missing key names the key and how to add it")
    func missingKey() {
        let found = diagnostic("id: hi\ntitle: Hi\ntriggers: []\nsteps:\n  a:\n    say: x\n")
        #expect(found?.code == "F005")
        #expect(found?.message == "missing required key 'start'")
    }

    @Test("an unknown key suggests the closest one, at its line and column")
    func unknownKey() {
        let found = diagnostic("id: hi\ntitle: Hi\ntriggers: []\nstart: a\nsteps:\n  a:\n    sya: x\n")
        #expect(found?.description == "test.yaml:7:5: error: unknown key 'sya' in step 'a' [F004]\n  hint: did you mean 'say'?")
    }

    @Test("a YAML syntax error keeps the parser's line")
    func syntax() {
        let found = diagnostic("id: hi\ntitle: [unclosed\nstart: a\n")
        #expect(found?.code == "F001")
        #expect(found?.line ?? 0 >= 2)
    }

    @Test("a duplicate key is an error, not silently accepted")
    func duplicateKey() {
        let found = diagnostic("id: hi\nid: again\ntitle: Hi\ntriggers: []\nstart: a\nsteps:\n  a:\n    say: x\n")
        #expect(found?.code == "F002")
    }

    @Test("a step may wait for only one thing")
    func oneExpectation() {
        let found = diagnostic("id: hi\ntitle: Hi\ntriggers: []\nstart: a\nsteps:\n  a:\n    say: x\n    capture: v\n    scale: w\n")
        #expect(found?.code == "F007")
    }

    @Test("choices, yes/no, branches and classify are read with their targets")
    func stepKinds() throws {
        let flow = try load("""
            id: kinds
            title: Kinds
            triggers: []
            start: ask
            steps:
              ask:
                say: "Pick"
                choices:
                  - {label: One, next: rate}
                  - {label: Two, next: yn, match: ["[*] second [*]"]}
              rate:
                say: "0-10?"
                scale: score
                next: check
              check:
                branch:
                  - {if: "score >= 5", next: yn}
                  - else: yn
              yn:
                say: "Again?"
                yesno: {yes: ask, no: done}
              done:
                say: "Bye"
                end: true
            """)
        #expect(flow.steps["ask"]?.targets.map(\.value) == ["rate", "yn"])
        #expect(flow.steps["check"]?.branch?.count == 2)
        #expect(flow.steps["rate"]?.setsVariables.map(\.value) == ["score"])
    }

    static let hostile = Repository.root + "/Tests/Fixtures/hostile-flows/"

    func diagnostic(path: String) -> Diagnostic? {
        do { _ = try FlowLoader.load(path: path); return nil } catch { return error }
    }

    /// A flow whose steps each say something and lead to the next.
    func chain(_ count: Int) -> String {
        "id: c\ntitle: C\ntriggers: []\nstart: s0\nsteps:\n" + (0..<count).map { "  s\($0):\n    say: x\n    next: s\($0 + 1)\n" }.joined()
            + "  s\(count):\n    say: bye\n"
    }

    @Test("an alias bomb used as a mapping key is refused at the alias, before anything is expanded")
    func aliasBomb() {
        #expect(diagnostic(path: Self.hostile + "alias-bomb.yaml")?.description == Self.hostile
            + "alias-bomb.yaml:6:10: error: YAML aliases (*name) aren't allowed in this file [F032]\n  hint: write the value out in full where it is used")
    }

    @Test("a file over 512 KB is refused without being read into nodes")
    func tooLarge() {
        let found = diagnostic("id: big\ntitle: Big\n# " + String(repeating: "x", count: 600_000) + "\n")
        #expect(found?.description == "test.yaml:1:1: error: the file is 600022 bytes; the most allowed is 524288 [F031]\n  hint: split it into several smaller files")
    }

    @Test("a flow of more than 1,000 steps is refused at its steps")
    func tooManySteps() {
        #expect((try? load(chain(999))) != nil)
        #expect(diagnostic(chain(1_000))?.description == "test.yaml:6:3: error: the flow has 1001 steps; the most allowed is 1000 [F031]\n  hint: split it into several flows")
    }

    @Test("more than 50,000 values, or nesting deeper than 32, is refused where the limit is passed")
    func tooManyValues() {
        let values = diagnostic("id: v\nlist: [" + String(repeating: "a,", count: 50_000) + "a]\n")
        #expect(values?.code == "F031")
        #expect(values?.message == "the file has more than 50000 values")
        let deep = diagnostic("id: d\nx: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n")
        #expect(deep?.description == "test.yaml:2:35: error: lists and mappings are nested more than 32 deep [F031]\n  hint: flatten the structure")
    }

    @Test("a raw ESC in a flow file is reported at its line and column, written as U+001B, never echoed")
    func rawEscape() {
        let found = diagnostic(path: Self.hostile + "raw-escape.yaml")
        #expect(found?.description == Self.hostile
            + "raw-escape.yaml:7:14: error: YAML syntax: control characters are not allowed (U+001B) [F001]\n  hint: remove it: flow files can't hold control characters")
        #expect(found?.description.contains("\u{1B}") == false)
    }

    @Test("escapes written in quotes are removed from the text people see, with a warning at each value")
    func escapedControls() throws {
        let (flow, warnings) = try FlowLoader.loadReporting(path: Self.hostile + "escapes.yaml")
        #expect(flow.title == "Esc [2J title")
        #expect(flow.steps["a"]?.say.map(\.value) == ["Hello [31mRED]0;pwned 31m"])
        #expect(warnings.map { $0.description.replacingOccurrences(of: Self.hostile, with: "") } == [
            "escapes.yaml:2:8: warning: title holds the control character U+001B; it is removed [F033]\n  hint: remove it: flow text is shown as plain text",
            "escapes.yaml:7:10: warning: say holds the control characters U+001B, U+0007, U+009B; they are removed [F033]\n  hint: remove them: flow text is shown as plain text",
        ])
    }

    @Test("newlines stay in text, tabs become spaces, bidi overrides go")
    func keptAndRemoved() throws {
        let flow = try load("id: k\ntitle: K\ntriggers: []\nstart: a\nsteps:\n  a:\n    say: \"one\\ntwo\\tthree \\u202Eevil\"\n")
        #expect(flow.steps["a"]?.say.first?.value == "one\ntwo three evil")
    }
}
