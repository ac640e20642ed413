import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Store")
struct StoreTests {
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test("the folder is 0700 and the database, -wal and -shm files are 0600")
    func permissions() throws {
        let folder = Repository.temporaryFolder() + "/data"
        let store = try Store(folder: folder)
        try store.save(kind: "journal", flow: "journal", text: "one", date: "2026-12-01T10:00:00Z")
        let file = folder + "/between.sqlite"
        #expect(Self.mode(folder) == 0o700)
        #expect(Self.mode(file) == 0o600)
        #expect(FileManager.default.fileExists(atPath: file + "-wal"))
        #expect(Self.mode(file + "-wal") == 0o600)
        #expect(Self.mode(file + "-shm") == 0o600)
    }

    @Test("the database is in WAL mode and its migrations run once, however often it is opened")
    func migrations() throws {
        let folder = Repository.temporaryFolder()
        let first = try Store(folder: folder)
        try first.save(kind: "journal", flow: "journal", text: "kept", date: "2026-12-01T10:00:00Z")
        let again = try Store(folder: folder)
        #expect(try again.journal().map(\.text) == ["kept"])
        #expect(try again.integrityCheck() == ["ok"])
        let mode = try again.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("a lazy store reads like an empty store until its first save, and like a store after it")
    func lazy() throws {
        #expect(try StoreRecall.values(Store()) == StoreRecall.empty)
        let lazy = LazyStore()
        #expect(try lazy.recall() == StoreRecall.empty)
        #expect(try lazy.entries().isEmpty)
        let store = Store()
        for target in [lazy as JournalStore, store] {
            try target.append(JournalEntry(date: "2026-12-01T10:00:00Z", flow: "self-care", text: "a warm shower", kind: "self-care"))
            try target.append(JournalEntry(date: "2026-12-01T10:05:00Z", flow: "journal", text: "a quiet day"))
        }
        #expect(try lazy.recall() == store.recall())
        #expect(try lazy.entries().count == 1)
    }

    @Test("each kind goes to its own list; any other kind is a journal entry")
    func routing() throws {
        let store = Store()
        let date = "2026-12-01T10:00:00Z"
        try store.save(kind: "self-care", flow: "self-care", text: "a warm shower", date: date)
        try store.save(kind: "therapist", flow: "therapist", text: "sleep", date: date)
        try store.save(kind: "therapist", flow: "therapist", text: "my sister", date: date)
        try store.save(kind: "discussed", flow: "therapist", text: "1", date: date)
        try store.save(kind: "plan-1", flow: "safety-plan", text: "not sleeping", date: date)
        try store.save(kind: "plan-1", flow: "safety-plan", text: "not sleeping, skipping meals", date: date)
        try store.save(kind: "mood-before", flow: "breathing", text: "3", date: date)
        try store.save(kind: "mood-after", flow: "breathing", text: "11", date: date)
        try store.save(kind: "habit", flow: "habits", text: "doom-scrolling", date: date)
        try store.save(kind: "habit-step", flow: "habits", text: "phone out of the bedroom", date: date)
        try store.save(kind: "habit-checkin", flow: "habits", text: "most nights", date: date)
        try store.save(kind: "reframe", flow: "reframe", text: "Thought record", date: date)
        #expect(try store.selfCare() == ["a warm shower"])
        #expect(try store.topics().map(\.text) == ["my sister"])
        #expect(try store.topics(all: true).first?.discussed == date)
        #expect(try store.safetyPlan() == [1: "not sleeping, skipping meals"])
        #expect(try store.moods().map(\.rating) == [3], "a rating outside 0-10 is not kept")
        #expect(try store.habits().first?.step == "phone out of the bedroom")
        #expect(try store.habits().first?.checkIns.map(\.outcome) == ["most nights"])
        #expect(try store.journal().map(\.kind) == ["reframe"])
        let recalled = try store.recall()
        #expect(recalled["self_care_list"] == "- a warm shower")
        #expect(recalled["open_topics"] == "1. my sister")
        #expect(recalled["has_safety_plan"] == "yes")
        #expect(recalled["plan_1"] == "not sleeping, skipping meals")
        #expect(Set(recalled.keys).isSubset(of: StoreRecall.names))
    }

    @Test("the journal can be filtered by date, kind and words")
    func filters() throws {
        let store = Store()
        try store.save(kind: "journal", flow: "journal", text: "Work was long", date: "2026-11-30T21:00:00Z")
        try store.save(kind: "journal", flow: "journal", text: "A good walk", date: "2026-12-02T21:00:00Z")
        try store.save(kind: "two-good-things", flow: "two-good-things", text: "coffee; a walk", date: "2026-12-02T22:00:00Z")
        #expect(try store.journal(since: "2026-12-01").map(\.text) == ["A good walk", "coffee; a walk"])
        #expect(try store.journal(kind: "journal").count == 2)
        #expect(try store.journal(search: "WALK good").map(\.text) == ["A good walk"])
        #expect(try store.journal(search: "100%").isEmpty)
        #expect(try store.journal(limit: 1).map(\.text) == ["coffee; a walk"])
    }

    @Test("a crisis event keeps the tier and the time, and nothing else")
    func crisisEvents() throws {
        let store = Store()
        try store.noteSafety(tier: "crisis", date: "2026-12-01T10:00:00Z")
        let columns = try store.writer.read { db in try db.columns(in: "crisis_event").map(\.name) }
        #expect(columns == ["id", "date", "tier"])
        #expect(try store.crisisEvents() == [CrisisEvent(date: "2026-12-01T10:00:00Z", tier: "crisis")])
    }

    @Test("a symbolic link in place of the database is refused, and its target is left alone")
    func symbolicLink() throws {
        let folder = Repository.temporaryFolder()
        let target = Repository.temporaryFolder() + "/elsewhere"
        FileManager.default.createFile(atPath: target, contents: Data("precious".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder + "/between.sqlite", withDestinationPath: target)
        #expect(throws: StoreError.self) { try Store(folder: folder) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
    }

    @Test("a file where the folder should be is reported with its path and a fix")
    func notAFolder() throws {
        do {
            _ = try Store(folder: "/proc/version")
            Issue.record("opened a store in a file")
        } catch {
            #expect(error.description.hasPrefix("/proc/version: "))
            #expect(error.description.contains("--data-dir"))
        }
    }

    @Test("forget deletes everything")
    func forget() throws {
        let store = try Store(folder: Repository.temporaryFolder())
        try store.save(kind: "journal", flow: "journal", text: "secret", date: "2026-12-01T10:00:00Z")
        try store.save(kind: "plan-2", flow: "safety-plan", text: "music", date: "2026-12-01T10:00:00Z")
        try store.forget()
        #expect(try store.journal().isEmpty)
        #expect(try store.safetyPlan().isEmpty)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path!))
        #expect(bytes.range(of: Data("secret".utf8)) == nil)
    }
}

@Suite("Store text")
struct StoreTextTests {
    @Test("every key the program asks Scripts/store.yaml for is there")
    func keys() throws {
        var used: Set<String> = (1...6).map { "plan_step_\($0)" }.reduce(into: []) { $0.insert($1) }
        let sources = Repository.root + "/Sources"
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let pattern = try Regex(#"StoreText\.text\("([a-z_0-9]+)""#)
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for match in text.matches(of: pattern) { used.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(used.count > 20)
        #expect(used.subtracting(StoreText.table.keys) == [])
    }
}

@Suite("Mood summary")
struct MoodSummaryTests {
    static func rating(_ flow: String, _ phase: String, _ value: Int) -> MoodRating {
        MoodRating(date: "2026-12-01T10:00:00Z", flow: flow, phase: phase, rating: value)
    }

    @Test("before and after pair up per exercise; a before without its after is left out")
    func averages() {
        let summary = MoodSummary([
            Self.rating("journal", "before", 3), Self.rating("journal", "after", 6),
            Self.rating("mood", "check-in", 5),
            Self.rating("journal", "before", 5), Self.rating("journal", "after", 6),
            Self.rating("breathing", "before", 2),
        ])
        #expect(summary.exercises == [MoodSummary.Exercise(flow: "journal", before: 4, after: 6, count: 2)])
        #expect(summary.sparkline(plain: true) == "365562")
        #expect(MoodSummary.bar(3, plain: true) == "###.......")
    }

    @Test("a session with the check-in turned on saves the rating before and after an exercise")
    func session() throws {
        let store = Store()
        let session = Shipped.session(journal: store)
        for line in ["mood check-in", "5", "yes", "I'd like to journal", "3", "a long day", "no", "7"] { _ = session.respond(to: line) }
        #expect(try store.moods().map { "\($0.phase) \($0.flow) \($0.rating)" } == ["check-in mood 5", "before journal 3", "after journal 7"])
    }
}

@Suite("Store in memory")
struct MemoryStoreTests {
    @Test("a store in memory keeps only the newest rows of each list, so a long pipe runs in bounded memory")
    func bounded() throws {
        let store = Store()
        for index in 0..<(Store.memoryLimit + 50) {
            try store.save(kind: "journal", flow: "journal", text: "entry \(index)", date: "2026-12-01T10:00:00Z")
            try store.noteSafety(tier: "crisis", date: "2026-12-01T10:00:00Z")
        }
        let kept = try store.journal()
        #expect(kept.count == Store.memoryLimit)
        #expect(kept.last?.text == "entry \(Store.memoryLimit + 49)")
        #expect(try store.crisisEvents().count == Store.memoryLimit)
    }
}
