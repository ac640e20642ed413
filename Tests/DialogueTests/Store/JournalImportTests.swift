import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Journal import")
struct JournalImportTests {
    static let old = """
        {"date":"2026-11-01T20:00:00Z","flow":"journal","text":"an old entry"}
        {"date":"2026-11-02T20:00:00Z","flow":"self-care","text":"Self-care idea: tea"}
        {"date":"2026-11-03T20:00:00Z","flow":"therapist","text":"For my next therapy session: my mum"}
        not json at all

        """

    @Test("an old journal.jsonl comes in once, its lists sorted out, and is kept as journal.jsonl.imported")
    func once() throws {
        let folder = Repository.temporaryFolder()
        try Self.old.write(toFile: folder + "/journal.jsonl", atomically: true, encoding: .utf8)
        let store = try Store(folder: folder)
        #expect(try JournalImport.run(folder: folder, into: store) == 3)
        #expect(try store.journal().map(\.text) == ["an old entry"])
        #expect(try store.selfCare() == ["tea"])
        #expect(try store.topics().map(\.text) == ["my mum"])
        #expect(FileManager.default.fileExists(atPath: folder + "/journal.jsonl.imported"))
        #expect(StoreTests.mode(folder + "/journal.jsonl.imported") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: folder + "/journal.jsonl"))
        // The same file put back is not brought in twice.
        try Self.old.write(toFile: folder + "/journal.jsonl", atomically: true, encoding: .utf8)
        #expect(try JournalImport.run(folder: folder, into: store) == 0)
        #expect(try store.journal().count == 1)
    }

    @Test("a journal that can't be read is left exactly as it is, and the problem is reported")
    func unreadable() throws {
        let folder = Repository.temporaryFolder()
        // A folder in its place can't be read as a file, even by root (chmod 000 can't stop root).
        try FileManager.default.createDirectory(atPath: folder + "/journal.jsonl", withIntermediateDirectories: false)
        let store = try Store(folder: folder)
        #expect(throws: StoreError.self) { try JournalImport.run(folder: folder, into: store) }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder + "/journal.jsonl", isDirectory: &isFolder) && isFolder.boolValue)
        #expect(!FileManager.default.fileExists(atPath: folder + "/journal.jsonl.imported"))
    }
}
