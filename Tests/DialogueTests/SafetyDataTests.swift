import Foundation
import Intents
import TestSupport
import Testing
@testable import Dialogue

/// The shipped safety data: the lexicon file, the crisis flow, and what happens when they are gone.
@Suite("Safety data")
struct SafetyDataTests {
    @Test("the lexicon file loads and every pattern in it compiles")
    func lexiconLoads() throws {
        let lexicon = try DataFileLoader.lexicon(path: Repository.scripts + "/safety/lexicon.yaml")
        #expect(lexicon.signals.count >= 10)
        #expect(SafetyScreen(lexicon: lexicon).problems == [])
    }

    @Test("every compiled-in pattern also appears in the lexicon file, so reviewers see the whole screen")
    func builtInIsInFile() throws {
        let file = try DataFileLoader.lexicon(path: Repository.scripts + "/safety/lexicon.yaml")
        for signal in SafetyLexicon.builtIn.signals {
            let inFile = file.signals.first { $0.name == signal.name }
            #expect(inFile != nil, "signal \(signal.name) missing from the file")
            for pattern in signal.patterns { #expect(inFile?.patterns.contains(pattern) == true, "\(signal.name): \(pattern)") }
        }
        for figure in SafetyLexicon.builtIn.figures { #expect(file.figures.contains(figure), "figure \(figure)") }
        let filePatterns = file.signals.map(\.patterns.count).reduce(0, +)
        let builtInPatterns = SafetyLexicon.builtIn.signals.map(\.patterns.count).reduce(0, +)
        #expect(filePatterns == builtInPatterns, "run tools/make-builtin-lexicon.py after editing the lexicon")
        #expect(file.combinations.count == SafetyLexicon.builtIn.combinations.count)
        for (name, members) in SafetyLexicon.builtIn.concepts {
            #expect(Set(members).isSubset(of: Set(file.concepts[name] ?? [])), "concept \(name)")
        }
    }

    @Test("the compiled-in lexicon was generated from the lexicon file as it is now")
    func builtInDigest() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Repository.scripts + "/safety/lexicon.yaml"))
        #expect(SafetyLexicon.digest(of: bytes) == SafetyLexicon.builtInSourceDigest,
                "run tools/make-builtin-lexicon.py after editing the lexicon")
        #expect(SafetyLexicon.digest(of: bytes + [0x0A]) != SafetyLexicon.builtInSourceDigest)
    }

    @Test("an edited lexicon file is read and added to the compiled-in one")
    func editedLexiconIsRead() throws {
        let folder = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/safety", withIntermediateDirectories: true)
        var text = try String(contentsOfFile: Repository.scripts + "/safety/lexicon.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "  - name: ideation\n", with: "  - name: ideation\n    patterns: [\"zorblax the void\"]\n    tier: crisis\n  - name: ideation-extra\n", options: [], range: nil)
        try text.write(toFile: folder + "/safety/lexicon.yaml", atomically: true, encoding: .utf8)
        let library = FlowLibrary(.init(scripts: folder, flowFolders: [Repository.scripts + "/flows"]))
        #expect(library.diagnostics.filter { $0.message.contains("lexicon") } == [])
        #expect(library.screen.assess("zorblax the void").tier == .crisis)
        #expect(library.screen.assess("I want to kill myself").tier >= .crisis)
    }

    @Test("the compiled-in crisis flow is Scripts/flows/crisis.yaml as built, and it is complete")
    func crisisFlowCopy() throws {
        let file = try FlowLoader.load(path: Repository.scripts + "/flows/crisis.yaml")
        #expect(CrisisFlow.builtIn.steps.keys.sorted() == file.steps.keys.sorted())
        #expect(CrisisFlow.builtIn.id.position.path.hasPrefix("<built-in>/"))
        #expect(FlowValidator.validate(CrisisFlow.builtIn, concepts: .init(), lists: []).filter { $0.severity == .error } == [])
        #expect(CrisisFlow.entryProblems(CrisisFlow.builtIn).isEmpty)
    }

    @Test("escalation works with no data files at all")
    func noScripts() {
        let empty = Repository.temporaryFolder()
        let library = FlowLibrary(FlowLibrary.Sources(scripts: empty))
        #expect(library.flows.keys.sorted() == ["crisis"])
        let us = Session(library: library, region: "US").respond(to: "i want to kill myself")
        #expect(us.flow == "crisis")
        #expect(us.lines.contains { $0.contains("988") })
        let nowhere = Session(library: library, region: nil).respond(to: "im going to end my life tonight")
        #expect(nowhere.safety == .emergency)
        #expect(nowhere.lines.first?.contains("emergency number") == true)
    }

    @Test("a user flow can't replace the crisis flow")
    func userCrisisRejected() throws {
        let folder = Repository.temporaryFolder()
        try "id: crisis\ntitle: Fake\ntriggers: []\nstart: a\nsteps:\n  a:\n    say: \"nothing to see\"\n"
            .write(toFile: folder + "/crisis.yaml", atomically: true, encoding: .utf8)
        let library = FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts, userFolders: [folder]))
        #expect(library.diagnostics.contains { $0.code == "F030" })
        let reply = Session(library: library, region: "US").respond(to: "I want to die")
        #expect(reply.lines.contains { $0.contains("988") })
    }

    @Test("a broken crisis flow file falls back to the compiled-in copy")
    func brokenCrisisFile() throws {
        let scripts = Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: scripts + "/flows", withIntermediateDirectories: true)
        try "id: crisis\ntitle: [broken\n".write(toFile: scripts + "/flows/crisis.yaml", atomically: true, encoding: .utf8)
        let library = FlowLibrary(FlowLibrary.Sources(scripts: scripts))
        #expect(library.diagnostics.contains { $0.code == "F001" })
        #expect(Session(library: library, region: "GB").respond(to: "kms").lines.contains { $0.contains("116 123") })
    }

    @Test("shipped crisis replies follow safe-messaging rules")
    func safeMessaging() {
        let crisis = Shipped.library.flows["crisis"]!
        let forbidden = [
            // methods
            "pills", "rope", "noose", "gun", "overdose", "jump", "hang", "razor", "blade", "bridge",
            // promises of secrecy, claims of personhood or expertise
            "secret", "confidential", "between us", "won't tell", "i am a therapist", "i'm a therapist", "as a counselor",
            "i am human", "i'm human", "i'm a person", "i am a person", "as your doctor",
            // arguing, minimizing, joking
            "calm down", "not that bad", "could be worse", "overreacting", "others have it worse", "just kidding", "lol", "haha",
            "cheer up", "don't be silly", "you shouldn't feel",
        ]
        for id in crisis.stepOrder {
            for text in crisis.steps[id]!.say.map(\.value) + [crisis.steps[id]!.reprompt ?? ""] {
                let lower = text.lowercased()
                for word in forbidden {
                    #expect(lower.range(of: #"\b\#(word)\b"#, options: .regularExpression) == nil, "step \(id) says '\(word)'")
                }
                #expect(!text.unicodeScalars.contains { $0.properties.isEmojiPresentation }, "step \(id) has an emoji")
            }
        }
        let entries = ["crisis", "emergency", "danger", "harm-others"]
        for entry in entries {
            let text = crisis.steps[entry]!.say.map(\.value).joined(separator: " ")
            #expect(text.contains("computer program, not a person"), "\(entry) must say it is a program")
            #expect(text.contains("{{emergency_number}}") || text.contains("{{crisis_line"), "\(entry) must give a line")
        }
        let emergency = crisis.steps["emergency"]!.say[0].value
        #expect(emergency.split(separator: "\n").first?.contains("{{emergency_number}}") == true, "emergency number first")
        #expect(crisis.steps["crisis"]!.say[0].value.lowercased().contains("thank you"))
        #expect(crisis.steps["crisis"]!.say[0].value.contains("suicide"))
    }
}
