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

    /// A flow of `count` steps, each leading to the next, the last one ending: made of `branch`
    /// steps or of steps that say something.
    func chain(_ count: Int, branches: Bool) -> Flow {
        let position = SourcePosition(path: "chain.yaml", line: 1, column: 1)
        let steps = (0..<count).map { index -> Step in
            let next = Located("s\(index + 1)", at: position)
            if index == count - 1 { return Step(id: "s\(index)", position: position, say: [Located("bye", at: position)], ends: true) }
            return branches ? Step(id: "s\(index)", position: position, branch: [Step.Rule(condition: nil, next: next)])
                : Step(id: "s\(index)", position: position, say: [Located("x", at: position)], next: next)
        }
        return Flow(id: Located("chain", at: position), title: "Chain", start: Located("s0", at: position), steps: steps, path: "chain.yaml")
    }

    @Test("a 10,000-step chain of branches is checked without running out of stack")
    func longBranchChain() {
        #expect(FlowValidator.validate(chain(10_000, branches: true), concepts: ConceptTable(), lists: []).isEmpty)
    }

    @Test("a 20,000-step chain of say and next is checked in one pass, and a loop at its end is still found")
    func longSayChain() {
        #expect(FlowValidator.validate(chain(20_000, branches: false), concepts: ConceptTable(), lists: []).isEmpty)
        var looped = chain(20_000, branches: false)
        looped.steps["s19999"] = Step(id: "s19999", position: looped.steps["s0"]!.position, say: [Located("x", at: looped.start.position)],
                                      next: Located("s0", at: looped.start.position))
        #expect(Set(FlowValidator.validate(looped, concepts: ConceptTable(), lists: []).map(\.code)) == ["F013", "F025"])
    }

    @Test("a branch with no rules is an error, even on a step that ends")
    func emptyBranch() throws {
        let found = try problems("  a: {say: x, branch: [], end: true}\n")
        #expect(found.map(\.description) == [
            "t.yaml:6:3: error: branch in step 'a' has no rules [F013]\n  hint: write at least `branch: [{else: STEP}]`, or use `next:` instead",
        ])
    }
}
