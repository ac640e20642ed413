import Testing
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
}
