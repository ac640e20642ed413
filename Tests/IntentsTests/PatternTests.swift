import Testing
@testable import Intents

@Suite("Pattern")
struct PatternTests {
    let concepts = ConceptTable(["stressed": ["stressed", "stressed out", "overwhelmed"]])

    func matches(_ pattern: String, _ text: String) throws -> Bool {
        var matcher = IntentMatcher(concepts: concepts)
        try matcher.add(intent: "x", pattern: pattern)
        matcher.finish()
        return matcher.match(text) != nil
    }

    @Test("plain words match the whole line only")
    func plainWords() throws {
        #expect(try matches("hello there", "Hello, there!"))
        #expect(try !matches("hello there", "well hello there"))
    }

    @Test("* needs at least one word; [*] accepts none")
    func wildcards() throws {
        #expect(try matches("i feel * about work", "I feel so sad about work"))
        #expect(try !matches("i feel * about work", "I feel about work"))
        #expect(try matches("[*] work [*]", "work"))
        #expect(try matches("[*] work [*]", "so much work today"))
    }

    @Test("optional words and alternatives")
    func groups() throws {
        #expect(try matches("[please] help me", "help me"))
        #expect(try matches("[please] help me", "please help me"))
        #expect(try matches("(walk|go outside) now", "go outside now"))
        #expect(try !matches("(walk|go outside) now", "run now"))
    }

    @Test("concepts match single words and phrases")
    func concepts_() throws {
        #expect(try matches("[*] ~stressed [*]", "I'm so stressed out at work"))
        #expect(try matches("[*] ~stressed [*]", "overwhelmed"))
    }

    @Test("syntax errors point at the column", arguments: [
        ("(a|b", "missing ')'", 5), ("a ]", "unmatched ']'", 3), ("a | b", "'|' outside a group", 3), ("(a||b)", "empty alternative in group", 4),
        ("~", "'~' must be followed by a concept name", 2),
    ])
    func errors(pattern: String, message: String, column: Int) {
        #expect(throws: PatternError.self) { try Pattern(pattern) }
        do { _ = try Pattern(pattern) } catch {
            #expect(error.message == message)
            #expect(error.column == column)
        }
    }

    @Test("an unknown concept suggests the closest name")
    func unknownConcept() {
        do {
            _ = try Pattern("~stresed").linearized(concepts: concepts)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "unknown concept '~stresed'")
            #expect(error.hint == "did you mean '~stressed'?")
        }
    }

    @Test("a pattern that matches an empty line is rejected")
    func emptyLine() {
        var matcher = IntentMatcher(concepts: concepts)
        #expect(throws: PatternError.self) { try matcher.add(intent: "x", pattern: "[*]") }
    }

    @Test("the most specific trigger wins")
    func specificity() throws {
        var matcher = IntentMatcher(concepts: concepts)
        try matcher.add(intent: "general", pattern: "[*] help [*]")
        try matcher.add(intent: "specific", pattern: "[*] help me sleep [*]")
        matcher.finish()
        #expect(matcher.match("can you help me sleep")?.intent == "specific")
        #expect(matcher.match("help with work")?.intent == "general")
    }

    @Test("one-letter typos in longer words are forgiven")
    func typos() throws {
        #expect(try matches("[*] ~stressed [*]", "i am so stresed"))
        #expect(try matches("[*] breathing [*]", "breathng exercise"))
    }

    @Test("deep nesting, huge patterns and runs of wildcards are refused or made cheap, never a crash")
    func limits() throws {
        let deep = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        #expect(throws: PatternError.self) { try Pattern(deep) }
        #expect(throws: PatternError.self) { try Pattern(String(repeating: "a ", count: 2000)) }
        let wild = try Pattern(String(repeating: "[*] ", count: 300) + "hello")
        #expect(wild.elements == [.anyStar, .word("hello")])
        let many = "(" + (0..<5000).map { "w\($0)" }.joined(separator: "|") + ") [a|b] [c|d]"
        #expect(throws: PatternError.self) { try Pattern(many).linearized(concepts: concepts) }
    }
}
