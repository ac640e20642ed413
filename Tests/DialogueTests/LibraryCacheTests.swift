import Foundation
import Intents
import TestSupport
import Testing
@testable import Dialogue

/// A compiled library is kept in one private file and read back only when nothing it was made
/// from has changed; anything doubtful is compiled again.
@Suite("Library cache")
struct LibraryCacheTests {
    /// A copy of the shipped `Scripts` folder, free to change, with an empty user folder and a cache in a fresh folder.
    struct Setup {
        let scripts: String
        let user: String
        let cache: LibraryCache
        var sources: FlowLibrary.Sources { FlowLibrary.Sources(scripts: scripts, userFolders: [user]) }

        init(identity: String = "test build 1") throws {
            let root = Repository.temporaryFolder()
            scripts = root + "/Scripts"
            user = root + "/user-flows"
            try FileManager.default.copyItem(atPath: Repository.scripts, toPath: scripts)
            try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
            cache = LibraryCache(path: root + "/cache/between/library.bin", identity: identity)
        }
    }

    static let sampleLines = ["I feel so stressed about work", "can we do the two good things", "i'm being so hard on myself",
                              "help", "breathing please", "I want to kill myself", "i took all my pills an hour ago",
                              "this deadline is killing me lol", "what can you do"]

    /// Whether two libraries route, screen and list the same.
    static func expectSameBehaviour(_ a: FlowLibrary, _ b: FlowLibrary) {
        #expect(a.order == b.order)
        #expect(a.menuFlows.map(\.title) == b.menuFlows.map(\.title))
        #expect(a.diagnostics == b.diagnostics)
        #expect(Set(a.choiceMatchers.keys) == Set(b.choiceMatchers.keys))
        #expect(Set(a.lists.keys) == Set(b.lists.keys))
        let examples = a.flows.values.flatMap { $0.examples + $0.counterexamples }.map(\.value) + sampleLines
        for line in examples {
            #expect(a.matcher.match(line) == b.matcher.match(line), "\(line)")
            let (x, y) = (a.screen.assess(line), b.screen.assess(line))
            #expect(x.tier == y.tier && x.hits == y.hits, "\(line)")
            for (id, list) in a.lists { #expect(list.matcher.match(line) == b.lists[id]?.matcher.match(line), "\(id): \(line)") }
        }
        for id in a.flows.keys {
            #expect(a.flows[id]?.stepOrder == b.flows[id]?.stepOrder)
            #expect(a.flows[id]?.steps.values.map(\.say.count).sorted() == b.flows[id]?.steps.values.map(\.say.count).sorted())
        }
    }

    @Test("the first load compiles and saves a private file; the next reads it back, and it behaves the same")
    func savesThenReads() throws {
        let setup = try Setup()
        let first = setup.cache.load(setup.sources)
        #expect(first.outcome == .compiled)
        let attributes = try FileManager.default.attributesOfItem(atPath: setup.cache.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = (setup.cache.path as NSString).deletingLastPathComponent
        #expect((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) == 0o700)
        let second = setup.cache.load(setup.sources)
        #expect(second.outcome == .read)
        Self.expectSameBehaviour(first.library, second.library)
        Self.expectSameBehaviour(FlowLibrary(setup.sources), second.library)
    }

    @Test("an edited flow, a new flow of your own, or an edited lexicon makes it compile again, with the change")
    func changesRecompile() throws {
        let setup = try Setup()
        _ = setup.cache.load(setup.sources)
        #expect(setup.cache.load(setup.sources).outcome == .read)

        let walk = setup.scripts + "/flows/walk.yaml"
        let text = try String(contentsOfFile: walk, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "triggers:\n", with: "triggers:\n  - \"zebra crossing stroll\"\n")
        #expect(edited != text)
        try edited.write(toFile: walk, atomically: true, encoding: .utf8)
        let afterEdit = setup.cache.load(setup.sources)
        #expect(afterEdit.outcome == .compiled)
        #expect(afterEdit.library.matcher.match("zebra crossing stroll")?.intent == "walk")
        #expect(setup.cache.load(setup.sources).outcome == .read)

        try """
            id: my-flow
            title: My own flow
            triggers: ["my own thing"]
            start: hello
            steps:
              hello:
                say: "Hello from my own flow."
                end: true
            """.write(toFile: setup.user + "/mine.yaml", atomically: true, encoding: .utf8)
        let afterNew = setup.cache.load(setup.sources)
        #expect(afterNew.outcome == .compiled)
        #expect(afterNew.library.matcher.match("my own thing")?.intent == "my-flow")

        let lexicon = setup.scripts + "/safety/lexicon.yaml"
        try (try String(contentsOfFile: lexicon, encoding: .utf8) + "\n").write(toFile: lexicon, atomically: true, encoding: .utf8)
        #expect(setup.cache.load(setup.sources).outcome == .compiled)
    }

    @Test("a damaged, cut short, foreign or other program's cache file is compiled over, never trusted")
    func distrust() throws {
        let setup = try Setup()
        _ = setup.cache.load(setup.sources)
        let good = try Data(contentsOf: URL(fileURLWithPath: setup.cache.path))
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        for bad in [flipped, good.prefix(good.count - 1), good.prefix(20), Data("not a cache".utf8), Data()] {
            try bad.write(to: URL(fileURLWithPath: setup.cache.path))
            #expect(setup.cache.load(setup.sources).outcome == .compiled)
            #expect(setup.cache.load(setup.sources).outcome == .read)  // and the file is whole again
        }
        let other = LibraryCache(path: setup.cache.path, identity: "test build 2")
        #expect(other.load(setup.sources).outcome == .compiled)
    }

    @Test("a library whose safety screen misses a canary line is never read back")
    func canaries() {
        #expect(FlowLibrary.passesSafetyCanaries(SafetyScreen()))
        #expect(!FlowLibrary.passesSafetyCanaries(SafetyScreen(lexicon: SafetyLexicon())))
        #expect(Shipped.library.passesSafetyCanaries)
    }

    @Test("reading back a damaged archive, even one whose checksum was made to fit, fails cleanly or reads: it never crashes")
    func damagedArchives() {
        var writer = ArchiveWriter()
        Shipped.library.archive(into: &writer)
        let bytes = writer.bytes
        // With the archive of 2026-12-03, seed 7's fifth damage (byte 296752, in the safety screen's section) never
        // returned. With today's archive, seed 7 returns, and so did 1,500 random single-byte damages in a probe
        // (2026-12-04); the cause of that hang was not found, so this test keeps the seed that showed it.
        var random = SeededRandom(seed: 7)
        var refused = 0
        for _ in 0..<40 {
            var damaged = bytes
            let position = Int.random(in: 0..<bytes.count, using: &random)
            damaged[position] ^= UInt8.random(in: 1...255, using: &random)
            let library = try? damaged.withUnsafeBytes { raw throws(ArchiveError) in
                try ArchiveReader.reading(raw) { archive throws(ArchiveError) in try FlowLibrary(from: &archive) }
            }
            if library == nil { refused += 1 }
        }
        print("damaged archives refused: \(refused)/40")
        #expect(refused > 0)
    }
}
