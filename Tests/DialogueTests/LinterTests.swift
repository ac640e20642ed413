import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Linter")
struct LinterTests {
    /// A library made of the given flow files, written to a fresh folder, with the shipped data beside them.
    func library(_ files: [String: String]) throws -> FlowLibrary {
        FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts, flowFolders: [try Repository.folder(with: files)]))
    }

    func flow(_ id: String, triggers: [String], examples: [String] = [], counter: [String] = []) -> String {
        func list(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        return "id: \(id)\ntitle: \(id)\ntriggers: \(list(triggers))\nexamples: \(list(examples))\ncounterexamples: \(list(counter))\n"
            + "start: a\nsteps:\n  a:\n    say: hi\n"
    }

    @Test("an example that another flow takes first is reported with both scores")
    func stolenExample() throws {
        let lib = try library([
            "a.yaml": flow("walk-a", triggers: ["[*] walk [*]"], examples: ["a long walk outside"]),
            "b.yaml": flow("walk-b", triggers: ["[*] long walk [*]"]),
        ])
        let found = Linter.lint(lib).filter { $0.code == "F021" }
        #expect(found.count == 1)
        #expect(found.first?.message == "example 'a long walk outside' is taken by flow 'walk-b' (trigger '[*] long walk [*]')")
    }

    @Test("a counterexample that starts its flow, and a trigger shared by two flows, are reported")
    func counterAndDuplicate() throws {
        let lib = try library([
            "a.yaml": flow("one", triggers: ["[*] garden [*]"]),
            "b.yaml": flow("two", triggers: ["[*] garden [*]"], counter: ["my garden is lovely"]),
        ])
        let problems = Linter.lint(lib)
        #expect(problems.contains { $0.code == "F022" && $0.message.contains("my garden is lovely") })
        #expect(problems.contains { $0.code == "F016" && $0.message.contains("also a trigger of flow 'one'") })
    }

    @Test("data files are checked on their own: crisis lines need a source and a date, retired numbers are refused")
    func crisisLinesFile() throws {
        let folder = Repository.temporaryFolder()
        let path = folder + "/crisis-lines.yaml"
        try """
            regions:
              CA:
                name: Canada
                emergency: "911"
                lines:
                  - name: Old line
                    call: "1-833-456-4566"
                    source: https://example.org
                    verified: 2020-01-01
                  - name: No source
                    call: "123"
            retired:
              - region: CA
                number: "1-833-456-4566"
                name: Talk Suicide Canada
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let codes = (Linter.lintDataFile(path) ?? []).map(\.code).sorted()
        #expect(codes == ["S005", "S006"])
        #expect(Linter.lintDataFile(Repository.scripts + "/safety/crisis-lines.yaml") == [])
        #expect(Linter.lintDataFile(Repository.scripts + "/flows/walk.yaml") == nil, "a flow is not a data file")
    }

    @Test("a broken concepts file is reported at its line")
    func conceptsFile() throws {
        let path = Repository.temporaryFolder() + "/concepts.yaml"
        try "calm: [calm]\nempty: []\n".write(toFile: path, atomically: true, encoding: .utf8)
        let found = Linter.lintDataFile(path) ?? []
        #expect(found.map(\.code) == ["C001"])
        #expect(found.first?.line == 2)
    }

    @Test("the shipped library lints clean")
    func shippedClean() {
        #expect(Linter.lint(Shipped.library).filter { $0.severity == .error } == [])
    }
}
