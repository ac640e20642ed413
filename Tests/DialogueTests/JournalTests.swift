import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Journal")
struct JournalTests {
    @Test("entries are kept in a file only its owner can read")
    func privateFile() throws {
        let path = Repository.temporaryFolder() + "/sub/journal.jsonl"
        let journal = FileJournal(path: path)
        try journal.append(JournalEntry(date: "2026-01-01T00:00:00Z", flow: "f", text: "one"))
        try journal.append(JournalEntry(date: "2026-01-02T00:00:00Z", flow: "f", text: "two\nlines"))
        #expect(try journal.entries().map(\.text) == ["one", "two\nlines"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test("a write replaces the file in one step and leaves no temporary file behind")
    func atomic() throws {
        let folder = Repository.temporaryFolder()
        let journal = FileJournal(path: folder + "/journal.jsonl")
        for index in 0..<5 { try journal.append(JournalEntry(date: "d", flow: "f", text: "\(index)")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["journal.jsonl"])
        #expect(try journal.entries().count == 5)
    }

    @Test("templates fill variables and leave unknown ones empty")
    func template() {
        #expect(Template.render("Hi {{ name }}, {{missing}}!", ["name": "Sam"]) == "Hi Sam, !")
        #expect(Template.variables(in: "{{a}} and {{b}}") == ["a", "b"])
        #expect(Template.render("no close {{x", [:]) == "no close {{x")
    }

    @Test("conditions compare numbers and test for set variables")
    func conditions() throws {
        let vars = ["before": "7", "after": "4", "empty": ""]
        #expect(try Condition(parsing: "after < before").evaluate(vars))
        #expect(try !Condition(parsing: "after >= 5").evaluate(vars))
        #expect(try !Condition(parsing: "empty").evaluate(vars))
        #expect(try Condition(parsing: "before").evaluate(vars))
        #expect(throws: ConditionError.self) { try Condition(parsing: "a < ") }
    }
}
