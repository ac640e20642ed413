import Foundation
import Intents
import TestSupport
import Testing
@testable import Dialogue

/// The loader on its own: which files it reads, in what order, what the person's own folders may
/// do, and what each problem costs.
@Suite("LibraryLoader")
struct LibraryLoaderTests {
    /// A small flow that is fine, or with `next` naming a step that doesn't exist.
    func flow(_ id: String, title: String = "T", next: String? = nil) -> String {
        "id: \(id)\ntitle: \(title)\ntriggers: [\"start \(id)\"]\nstart: a\nsteps:\n  a:\n    say: hi\n" + (next.map { "    next: \($0)\n" } ?? "")
    }

    func loader(shipped: [String], user: [String] = []) -> LibraryLoader {
        LibraryLoader(FlowLibrary.Sources(scripts: nil, flowFolders: shipped, userFolders: user))
    }

    @Test("shipped flows are read in the order people count their files, and the crisis flow is always there")
    func shippedOrder() throws {
        let shipped = try Repository.folder(with: ["flow10.yaml": flow("ten"), "flow2.yaml": flow("two"), "notes.txt": "not a flow"])
        let read = loader(shipped: [shipped]).readFlows()
        #expect(read.loadOrder == [CrisisFlow.id, "two", "ten"])
        #expect(read.flows[CrisisFlow.id]?.path == CrisisFlow.builtIn.path)
        #expect(read.diagnostics == [])
        #expect(LibraryLoader.yamlFiles(in: shipped) == [shipped + "/flow2.yaml", shipped + "/flow10.yaml"])
    }

    @Test("a second shipped file with an id already read is skipped, with F015 naming the first")
    func duplicateID() throws {
        let shipped = try Repository.folder(with: ["a.yaml": flow("same", title: "First"), "b.yaml": flow("same", title: "Second")])
        let read = loader(shipped: [shipped]).readFlows()
        #expect(read.flows["same"]?.title == "First")
        #expect(read.diagnostics.map(\.code) == ["F015"])
        #expect(read.diagnostics.first?.hint?.contains(shipped + "/a.yaml") == true)
    }

    @Test("a flow of the person's own replaces the shipped one by id, and is read last so its triggers win ties")
    func userReplaces() throws {
        let shipped = try Repository.folder(with: ["a.yaml": flow("calm", title: "Shipped"), "b.yaml": flow("walk")])
        let user = try Repository.folder(with: ["mine.yaml": flow("calm", title: "Mine"), "new.yaml": flow("new")])
        let read = loader(shipped: [shipped], user: [user]).readFlows()
        #expect(read.flows["calm"]?.title == "Mine")
        #expect(read.loadOrder == [CrisisFlow.id, "walk", "calm", "new"])
        #expect(read.diagnostics == [])
    }

    @Test("the person's own crisis flow is skipped with a warning (F030); the crisis flow stays")
    func userCrisisSkipped() throws {
        let user = try Repository.folder(with: ["crisis.yaml": flow(CrisisFlow.id, title: "Fake")])
        let read = loader(shipped: [], user: [user]).readFlows()
        #expect(read.diagnostics.map(\.code) == ["F030"])
        #expect(read.flows[CrisisFlow.id]?.path == CrisisFlow.builtIn.path)
    }

    @Test("a broken file of the person's own is a warning, and their other files still load")
    func userBrokenFile() throws {
        let user = try Repository.folder(with: ["a.yaml": "id: x\ntitle: [broken\n", "b.yaml": flow("fine")])
        let read = loader(shipped: [], user: [user]).readFlows()
        #expect(read.diagnostics.map(\.severity) == [.warning])
        #expect(read.diagnostics.first?.message.hasSuffix("; this file is skipped") == true)
        #expect(read.flows["fine"] != nil)
    }

    @Test("a user folder that exists but can't be listed is one warning; a missing one is nothing")
    func userFolderProblems() throws {
        let notAFolder = Repository.temporaryFolder() + "/file"
        try "x".write(toFile: notAFolder, atomically: true, encoding: .utf8)
        let read = loader(shipped: [], user: [notAFolder, Repository.temporaryFolder() + "/missing"]).readFlows()
        #expect(read.diagnostics.map(\.code) == ["F000"])
        #expect(read.diagnostics.first?.severity == .warning)
        #expect(read.diagnostics.first?.message.hasSuffix("; none of your flows there are loaded") == true)
    }

    @Test("a flow of the person's own with errors gives one warning, and the shipped flow it replaced comes back")
    func userFlowWithErrors() throws {
        let shipped = try Repository.folder(with: ["a.yaml": flow("calm", title: "Shipped")])
        let user = try Repository.folder(with: ["a.yaml": flow("calm", title: "Mine", next: "nowhere"), "b.yaml": flow("new", next: "nowhere")])
        let read = loader(shipped: [shipped], user: [user]).readFlows()
        let checked = LibraryLoader.validate(read, concepts: ConceptTable(), lists: [])
        #expect(checked.flows["calm"]?.title == "Shipped")
        #expect(checked.flows["new"] == nil)
        #expect(checked.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(checked.diagnostics.map(\.code) == ["F010", "F010"])
        #expect(checked.diagnostics[0].message.hasSuffix("; this file is skipped and the shipped 'calm' is used"))
        #expect(checked.diagnostics[1].message.hasSuffix("; this file is skipped"))
    }

    @Test("a shipped flow with errors is dropped, with every error it has")
    func shippedFlowWithErrors() throws {
        let shipped = try Repository.folder(with: ["a.yaml": flow("broken", next: "nowhere"), "b.yaml": flow("fine")])
        let checked = LibraryLoader.validate(loader(shipped: [shipped]).readFlows(), concepts: ConceptTable(), lists: [])
        #expect(checked.flows["broken"] == nil)
        #expect(checked.flows["fine"] != nil)
        #expect(checked.diagnostics.map(\.code) == ["F010"])
        #expect(checked.diagnostics.first?.severity == .error)
    }

    @Test("with no Scripts folder the compiled-in crisis lines and safety screen are used, without a word")
    func noScripts() {
        let loader = LibraryLoader(FlowLibrary.Sources(scripts: nil))
        #expect(loader.crisisDirectory().1 == nil)
        #expect(!loader.crisisDirectory().0.regions.isEmpty)
        let (screen, problem) = loader.safetyScreen()
        #expect(problem == nil)
        #expect(FlowLibrary.passesSafetyCanaries(screen))
        #expect(loader.script().1 == [])
        #expect(loader.concepts().1 == [])
    }

    @Test("a crisis-lines file that can't be read is a warning, and the compiled-in lines are used")
    func brokenCrisisLines() throws {
        let scripts = Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: scripts + "/safety", withIntermediateDirectories: true)
        try "regions: [broken\n".write(toFile: scripts + "/safety/crisis-lines.yaml", atomically: true, encoding: .utf8)
        let (directory, problem) = LibraryLoader(FlowLibrary.Sources(scripts: scripts)).crisisDirectory()
        #expect(problem?.severity == .warning)
        #expect(problem?.message.hasSuffix("; the compiled-in crisis lines are used instead") == true)
        #expect(directory.regions.count == CrisisDirectory.builtIn.regions.count)
    }

    @Test("loading the shipped Scripts gives the library the app runs on, and every file it read is an input")
    func shipped() {
        let sources = FlowLibrary.Sources(scripts: Repository.scripts)
        let library = LibraryLoader(sources).load()
        #expect(library.flows.keys.sorted() == Shipped.library.flows.keys.sorted())
        #expect(library.order == Shipped.library.order)
        #expect(library.diagnostics == Shipped.library.diagnostics)
        let inputs = Set(LibraryLoader.inputFiles(sources))
        for flow in library.flows.values where flow.path != CrisisFlow.builtIn.path { #expect(inputs.contains(flow.path), "\(flow.path)") }
    }
}
