import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Journal")
struct JournalTests {
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

@Suite("Private files")
struct PrivateFileTests {
    @Test("temporary copies left by a killed writer are cleaned up on the next write; the live one's are not")
    func staleTemporaries() throws {
        let folder = Repository.temporaryFolder()
        let path = folder + "/library.bin"
        let stale = path + ".tmp-2147483000"  // no process has this id
        let live = path + ".tmp-1"  // init is always running
        FileManager.default.createFile(atPath: stale, contents: Data(count: 1000))
        FileManager.default.createFile(atPath: live, contents: Data())
        try PrivateFile.write(Data("new".utf8), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["library.bin", "library.bin.tmp-1"])
    }
}
