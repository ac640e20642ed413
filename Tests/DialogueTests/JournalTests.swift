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
