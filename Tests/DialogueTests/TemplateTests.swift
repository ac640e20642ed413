import Testing
@testable import Dialogue

@Suite("Template")
struct TemplateTests {
    @Test("each {{name}} is replaced by its value; spaces inside the braces don't matter")
    func fills() {
        #expect(Template.render("Hi {{ name }}, and {{name}} again.", ["name": "Sam"]) == "Hi Sam, and Sam again.")
        #expect(Template.render("{{a}}{{b}}", ["a": "1", "b": "2"]) == "12")
        #expect(Template.render("line one\n{{a}}\nline three", ["a": "two"]) == "line one\ntwo\nline three")
    }

    @Test("a name with no value becomes empty, and text without placeholders is left alone")
    func unknownAndPlain() {
        #expect(Template.render("Hi {{ name }}, {{missing}}!", ["name": "Sam"]) == "Hi Sam, !")
        #expect(Template.render("nothing to fill", ["a": "1"]) == "nothing to fill")
        #expect(Template.render("", [:]) == "")
    }

    @Test("braces that never close are kept as written")
    func unclosed() {
        #expect(Template.render("no close {{x", [:]) == "no close {{x")
        #expect(Template.render("{{a}} then {{b", ["a": "1", "b": "2"]) == "1 then {{b")
        #expect(Template.render("single { braces }", [:]) == "single { braces }")
    }

    @Test("a value goes in as it is: what the person typed is never read as a template")
    func valuesAreNotExpanded() {
        let typed = ["answer": "{{crisis_lines}}", "crisis_lines": "988"]
        #expect(Template.render("You said: {{answer}}", typed) == "You said: {{crisis_lines}}")
    }

    @Test("the variables a text uses, in order, as many times as they appear; unclosed ones are not variables")
    func variables() {
        #expect(Template.variables(in: "{{a}} and {{ b }} and {{a}}") == ["a", "b", "a"])
        #expect(Template.variables(in: "{{a}} and {{b") == ["a"])
        #expect(Template.variables(in: "plain") == [])
    }
}
