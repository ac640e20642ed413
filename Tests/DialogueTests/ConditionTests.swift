import Intents
import Testing
@testable import Dialogue

@Suite("Condition")
struct ConditionTests {
    let variables = ["before": "7", "after": "4", "empty": "", "mood": "low", "half": "2.5"]

    func holds(_ text: String) throws -> Bool { try Condition(parsing: text).evaluate(variables) }

    @Test("a bare name holds when the variable is set and not empty")
    func bareName() throws {
        #expect(try holds("before"))
        #expect(try !holds("empty"))
        #expect(try !holds("missing"))
        let condition = try Condition(parsing: "  before ")
        #expect(condition.left == "before" && condition.comparison == nil && condition.right == nil)
    }

    @Test("every comparison reads, with or without spaces, against a number or another variable")
    func comparisons() throws {
        let cases: [(String, Condition.Comparison, Condition.Operand)] = [
            ("after < 5", .less, .number(5)), ("after<=before", .lessOrEqual, .variable("before")),
            ("after > 2.5", .greater, .number(2.5)), ("after >= half", .greaterOrEqual, .variable("half")),
            ("after == 4", .equal, .number(4)), ("after != before", .notEqual, .variable("before")),
        ]
        for (text, comparison, right) in cases {
            let condition = try Condition(parsing: text)
            #expect(condition.left == "after", "\(text)")
            #expect(condition.comparison == comparison, "\(text)")
            #expect(condition.right == right, "\(text)")
        }
    }

    @Test("numbers compare as numbers")
    func evaluates() throws {
        #expect(try holds("after < before"))
        #expect(try !holds("after >= 5"))
        #expect(try holds("after <= 4") && holds("after >= 4") && holds("after == 4") && !holds("after != 4"))
        #expect(try holds("half < 3") && !holds("half > 3"))
        #expect(try holds("before > 10") == false)
    }

    @Test("a comparison with a side that is missing or not a number is false, whichever way it points")
    func missingOrText() throws {
        for text in ["mood < 5", "mood >= 5", "missing < 5", "missing != 5", "after < missing", "after != mood", "empty == 0"] {
            #expect(try !holds(text), "\(text)")
        }
    }

    @Test("the variables a condition reads: the left side, and the right when it is a name")
    func readsVariables() throws {
        #expect(try Condition(parsing: "after < before").variables == ["after", "before"])
        #expect(try Condition(parsing: "after < 5").variables == ["after"])
        #expect(try Condition(parsing: "after").variables == ["after"])
    }

    @Test("names start with a letter or _, and may hold digits, _ and -")
    func names() throws {
        #expect(try Condition(parsing: "plan_2 >= mood-after").variables == ["plan_2", "mood-after"])
        #expect(try Condition(parsing: "_private").left == "_private")
    }

    @Test("what can't be read says why")
    func errors() {
        let cases = [
            ("a < ", "'' is neither a number nor a variable name"),
            ("a < b c", "'b c' is neither a number nor a variable name"),
            ("3 < a", "'3' is not a variable name"),
            ("< 3", "'' is not a variable name"),
            ("", "'' is not a condition"),
            ("a and b", "'a and b' is not a condition"),
            ("2nd", "'2nd' is not a condition"),
        ]
        for (text, message) in cases {
            #expect(throws: ConditionError.self, "\(text)") { try Condition(parsing: text) }
            do { _ = try Condition(parsing: text) } catch { #expect(error.message == message, "\(text)") }
        }
    }

    @Test("a condition read back from the cache is the same condition")
    func archives() throws {
        for text in ["after", "after < 5", "after >= before"] {
            let condition = try Condition(parsing: text)
            var writer = ArchiveWriter()
            writer.write(condition)
            let back = try writer.bytes.withUnsafeBytes { raw throws(ArchiveError) in
                try ArchiveReader.reading(raw) { archive throws(ArchiveError) in try Condition(from: &archive) }
            }
            #expect(back == condition, "\(text)")
        }
    }
}
