import Foundation
import Intents
import TestSupport
import Testing
@testable import Dialogue

/// The crisis flow's contract (``CrisisFlow``): where the screen may enter it, that nothing
/// replaces it, and what the validator checks of it.
@Suite("The crisis flow")
struct CrisisFlowTests {
    /// A flow read from `steps`, with the given id and `a` as its start.
    func flow(id: String = CrisisFlow.id, _ steps: String) throws -> Flow {
        try FlowLoader.load(text: "id: \(id)\ntitle: T\ntriggers: []\nstart: a\nsteps:\n" + steps, path: "t.yaml")
    }

    func problems(_ flow: Flow) -> [Diagnostic] { FlowValidator.validate(flow, concepts: ConceptTable(), lists: []) }

    @Test("the safety screen may enter the crisis flow at seven steps, and the shipped and compiled-in flows have each one")
    func entrySteps() {
        #expect(CrisisFlow.entrySteps == ["crisis", "emergency", "concern", "danger", "harm-others", "someone-else",
                                          "someone-else-emergency"])
        #expect(CrisisFlow.entryProblems(Shipped.library.flows[CrisisFlow.id]!) == [])
        #expect(CrisisFlow.entryProblems(CrisisFlow.builtIn) == [])
        #expect(CrisisFlow.builtIn.isCrisisFlow)
    }

    @Test("every line the screen raises, of any tier and about anyone, is answered at an entry step")
    func everyAssessmentHasAnEntry() {
        let expected: [SafetyCategory: [SafetyTier: CrisisFlow.Entry]] = [
            .oneself: [.concern: .concern, .crisis: .crisis, .emergency: .emergency],
            .danger: [.concern: .danger, .crisis: .danger, .emergency: .danger],
            .others: [.concern: .harmOthers, .crisis: .harmOthers, .emergency: .harmOthers],
            .someoneElse: [.concern: .someoneElse, .crisis: .someoneElse, .emergency: .someoneElseEmergency],
        ]
        for category in SafetyCategory.allCases {
            for tier in SafetyTier.allCases where tier >= .concern {
                #expect(CrisisFlow.Entry(tier: tier, category: category) == expected[category]?[tier], "\(tier) about \(category)")
            }
        }
    }

    @Test("the screen's own assessment of a line picks the same entry")
    func entryForAssessment() {
        let assessment = Shipped.library.screen.assess("I want to kill myself")
        #expect(CrisisFlow.Entry(for: assessment) == CrisisFlow.Entry(tier: assessment.tier, category: assessment.category))
        #expect(CrisisFlow.Entry(for: assessment) == .crisis)
    }

    @Test("a crisis flow that lacks an entry step gives way to the compiled-in copy, with one F026 per missing step")
    func incompleteFlowIsReplaced() throws {
        let partial = try flow("  a:\n    say: x\n  crisis:\n    say: y\n  emergency:\n    say: z\n")
        let (chosen, problems) = CrisisFlow.resolve(partial)
        #expect(chosen.path == CrisisFlow.builtIn.path)
        #expect(problems.map(\.code) == Array(repeating: "F026", count: 5))
        #expect(problems.first?.message == "the crisis flow has no step 'concern'")
        #expect(problems.first?.hint == "the safety screen starts the crisis flow at: " + CrisisFlow.entrySteps.joined(separator: ", "))
    }

    @Test("a complete crisis flow is used as it is, and with none loaded the compiled-in copy is used without a word")
    func completeOrMissing() {
        let shipped = Shipped.library.flows[CrisisFlow.id]!
        #expect(CrisisFlow.resolve(shipped).flow.path == shipped.path)
        #expect(CrisisFlow.resolve(shipped).problems == [])
        #expect(CrisisFlow.resolve(nil).flow.path == CrisisFlow.builtIn.path)
        #expect(CrisisFlow.resolve(nil).problems == [])
    }

    @Test("the library loads the compiled-in copy in place of a shipped crisis file that lacks entry steps")
    func libraryReplacesIncompleteFile() throws {
        let scripts = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scripts) }
        try FileManager.default.createDirectory(atPath: scripts + "/flows", withIntermediateDirectories: true)
        try "id: crisis\ntitle: Help\ntriggers: []\nstart: a\nsteps:\n  a:\n    say: x\n"
            .write(toFile: scripts + "/flows/crisis.yaml", atomically: true, encoding: .utf8)
        let library = FlowLibrary(FlowLibrary.Sources(scripts: scripts))
        #expect(library.diagnostics.filter { $0.code == "F026" }.count == CrisisFlow.entrySteps.count)
        #expect(library.crisisFlow.path == CrisisFlow.builtIn.path)
    }

    @Test("no flow of the person's own can take the crisis flow's id; any other id is theirs to use")
    func userReplacement() throws {
        let claim = try flow("  a:\n    say: x\n")
        let problem = try #require(CrisisFlow.userReplacementProblem(claim))
        #expect(problem.code == "F030")
        #expect(problem.severity == .warning)
        #expect(CrisisFlow.userReplacementProblem(try flow(id: "calm", "  a:\n    say: x\n")) == nil)
    }

    @Test("the validator walks the crisis flow from every entry step, so none of them is unreachable")
    func entriesAreReachable() throws {
        let steps = "  a:\n    say: x\n  concern:\n    say: y\n"
        #expect(problems(try flow(steps)).map(\.code) == [])
        #expect(problems(try flow(id: "calm", steps)).map(\.code) == ["F012"])
        #expect(CrisisFlow.startingSteps(of: try flow(steps)) == ["a", "concern"])
        #expect(CrisisFlow.startingSteps(of: try flow(id: "calm", steps)) == ["a"])
    }

    @Test("at an entry step only the built-in variables are known, whatever the steps before it set")
    func entriesKnowOnlyBuiltIns() throws {
        let steps = """
              a:
                say: "Name?"
                capture: name
                next: concern
              concern:
                say: "Hi {{name}}, {{crisis_line}} is there."

            """
        #expect(problems(try flow(steps)).map(\.message) == ["variable 'name' may be used before it is set"])
        #expect(problems(try flow(id: "calm", steps)) == [])
    }

    @Test("only the crisis flow's steps may resume the exercise the screen interrupted")
    func onlyCrisisResumes() throws {
        let steps = "  a:\n    say: x\n    resume: true\n"
        #expect(problems(try flow(steps)) == [])
        #expect(problems(try flow(id: "calm", steps)).map(\.code) == ["F027"])
    }

    @Test("the crisis flow is never listed in the menu")
    func notInMenu() {
        #expect(!Shipped.library.menuFlows.contains { $0.isCrisisFlow })
        #expect(Shipped.library.flows[CrisisFlow.id] != nil)
    }
}
