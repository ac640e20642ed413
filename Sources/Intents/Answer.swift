/// Reads short answers: yes, no, not sure, and ratings from 0 to 10.
public enum Answer {
    /// What a yes/no answer said.
    public enum YesNo: Sendable, Equatable { case yes, no, unsure }

    static let yesPhrases: Set<[String]> = phrases([
        "yes", "y", "sure", "okay", "ok", "please", "alright", "all right", "yes please", "i do", "i would", "of course",
        "definitely", "let us", "lets", "let us do it", "go on", "go ahead", "why not", "i guess so", "i think so", "yes i do",
        "yes i would", "sounds good", "i would like that", "absolutely", "true", "correct", "right", "i am", "yes i am",
        "sure thing", "ready", "i am ready", "ya", "yass", "yes yes", "i am safe", "safe", "i am safe now", "yes i am safe",
    ])
    static let noPhrases: Set<[String]> = phrases([
        "no", "n", "not really", "not now", "no thanks", "no thank you", "i do not", "i would rather not", "not today",
        "no i am not", "i am not", "not at all", "never mind", "nevermind", "nothing",
        "false", "no i do not", "no i would not", "i would not", "nah", "maybe later", "not right now", "no way", "done",
        "i am done", "that is all", "that is it", "no more",
    ])
    static let unsurePhrases: Set<[String]> = phrases([
        "maybe", "not sure", "i am not sure", "i do not know", "perhaps", "kind of", "sort of", "sometimes", "possibly",
        "a little", "a bit", "i guess", "dont know", "do not know", "unsure", "i am unsure", "hard to say", "i think maybe",
        "a little bit", "i do not really know", "kinda", "sorta",
    ])

    static func phrases(_ list: [String]) -> Set<[String]> { Set(list.map(Normalizer.words)) }

    /// Reads a yes/no answer, or nil when the text is neither.
    public static func yesNo(_ text: String) -> YesNo? {
        let words = Normalizer.words(text).filter { !["um", "uh", "well", "hmm", "oh"].contains($0) }
        guard !words.isEmpty else { return nil }
        if unsurePhrases.contains(words) { return .unsure }
        if noPhrases.contains(words) { return .no }
        if yesPhrases.contains(words) { return .yes }
        if let first = words.first {  // "yes, let's do that", "no, I'm okay"
            if ["yes", "sure", "okay", "definitely", "absolutely"].contains(first) { return .yes }
            if ["no", "not", "never"].contains(first) { return .no }
            if ["maybe", "perhaps", "possibly"].contains(first) { return .unsure }
        }
        return nil
    }

    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// Reads a rating from 0 to 10 ("7", "7/10", "about a six"), or nil.
    public static func rating(_ text: String) -> Int? {
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if !digits.isEmpty {
                break
            }
        }
        if let value = Int(digits.prefix(3)) { return (0...10).contains(value) ? value : nil }
        for word in Normalizer.words(text) {
            if let value = numberWords.firstIndex(of: word) { return value }
            if word == "none" || word == "nothing" { return 0 }
        }
        return nil
    }
}
