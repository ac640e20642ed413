import Intents
import Testing
@testable import Dialogue

@Suite("FlowValidator")
struct FlowValidatorTests {
    func problems(_ steps: String, triggers: String = "[]") throws -> [Diagnostic] {
        let flow = try FlowLoader.load(text: "id: t\ntitle: T\ntriggers: \(triggers)\nstart: a\nsteps:\n" + steps, path: "t.yaml")
        return FlowValidator.validate(flow, concepts: ConceptTable(["calm": ["calm"]]), lists: ["thinking-traps"])
    }

    @Test("an unknown step gets a did-you-mean hint at the reference")
    func unknownStep() throws {
        let found = try problems("  a:\n    say: x\n    next: nxet\n  next:\n    say: y\n")
        #expect(found.map(\.description) == ["t.yaml:8:11: error: step 'a' names unknown step 'nxet' [F010]\n  hint: did you mean 'next'?"])
    }

    @Test("an unreachable step is an error")
    func unreachable() throws {
        let found = try problems("  a:\n    say: x\n  lost:\n    say: y\n")
        #expect(found.map(\.code) == ["F012"])
        #expect(found.first?.line == 8)
    }

    @Test("a loop with no way out is an error")
    func noWayOut() throws {
        let found = try problems("  a:\n    say: x\n    yesno: {yes: a, no: a}\n")
        #expect(found.contains { $0.code == "F013" })
    }

    @Test("a loop that never waits is an error")
    func spinning() throws {
        let found = try problems("  a:\n    say: x\n    next: b\n  b:\n    say: y\n    next: a\n")
        #expect(found.contains { $0.code == "F025" })
    }

    @Test("a variable used before it is set on some path")
    func variableBeforeSet() throws {
        let found = try problems("""
              a:
                say: "Go?"
                yesno: {yes: ask, no: show}
              ask:
                say: "Name?"
                capture: name
                next: show
              show:
                say: "Hi {{name}}"

            """)
        #expect(found.map(\.code) == ["F014"])
        #expect(found.first?.message == "variable 'name' may be used before it is set")
    }

    @Test("an unknown variable suggests a known one")
    func unknownVariable() throws {
        let found = try problems("  a:\n    say: \"Q\"\n    capture: name\n    next: b\n  b:\n    say: \"Hi {{nmae}}\"\n")
        #expect(found.first?.hint == "did you mean 'name'?")
    }

    @Test("built-in variables are always set")
    func builtIns() throws {
        #expect(try problems("  a:\n    say: \"Call {{crisis_line}} or {{emergency_number}}\"\n").isEmpty)
    }

    @Test("a bad trigger pattern is reported inside the pattern")
    func badPattern() throws {
        let found = try problems("  a:\n    say: x\n", triggers: "[\"(a|b\"]")
        #expect(found.first?.code == "F017")
        #expect(found.first?.message == "bad pattern: missing ')'")
    }

    @Test("a pattern with an unknown concept is reported")
    func unknownConcept() throws {
        let found = try problems("  a:\n    say: x\n", triggers: "[\"[*] ~clam [*]\"]")
        #expect(found.first?.hint == "did you mean '~calm'?")
    }

    @Test("an unknown list in classify is reported")
    func unknownList() throws {
        let found = try problems("  a:\n    classify: {text: x, list: thinking-trap, into: v}\n    next: b\n  b:\n    say: \"{{v}}\"\n")
        #expect(found.map(\.code) == ["F023"])
        #expect(found.first?.hint == "did you mean 'thinking-traps'?")
    }

    @Test("a loop through a branch that never waits is an error")
    func branchLoop() throws {
        let found = try problems("""
              a:
                say: "Q"
                capture: name
                next: check
              check:
                branch:
                  - {if: name, next: again}
                  - else: done
              again:
                say: "Hi {{name}}"
                next: check
              done:
                say: bye

            """)
        #expect(found.contains { $0.code == "F025" })
    }

    @Test("a step that classifies and captures sets both variables; reprompts are checked too")
    func classifyAndCapture() throws {
        let found = try problems("""
              a:
                classify: {text: x, list: thinking-traps, into: traps}
                say: "Q"
                capture: answer
                next: b
              b:
                say: "{{traps}} {{answer}}"
                scale: score
                reprompt: "{{nope}}"

            """)
        #expect(found.map(\.message) == ["unknown variable 'nope'"])
    }
}
