import Testing
@testable import Intents

@Suite("Answer")
struct AnswerTests {
    @Test("reads yes, no and not sure", arguments: [
        ("yes", Answer.YesNo.yes), ("Yeah, let's do it", .yes), ("sure", .yes), ("no", .no), ("nope", .no),
        ("not really", .no), ("I'm safe", .yes), ("maybe", .unsure), ("idk", .unsure), ("I don't know", .unsure),
    ])
    func yesNo(text: String, expected: Answer.YesNo) {
        #expect(Answer.yesNo(text) == expected)
    }

    @Test("anything else is not an answer")
    func unclear() {
        #expect(Answer.yesNo("the weather is nice") == nil)
        #expect(Answer.yesNo("I'm okay") == nil, "okay can mean yes or no, depending on the question")
        #expect(Answer.yesNo("") == nil)
    }

    @Test("reads ratings from 0 to 10", arguments: [("7", 7), ("7/10", 7), ("about a six", 6), ("0", 0), ("ten", 10)])
    func ratings(text: String, expected: Int) {
        #expect(Answer.rating(text) == expected)
    }

    @Test("rejects ratings out of range or missing")
    func badRatings() {
        #expect(Answer.rating("11") == nil)
        #expect(Answer.rating("a lot") == nil)
    }
}
