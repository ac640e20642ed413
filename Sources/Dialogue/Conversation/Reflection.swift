import Intents

/// Reflects a person's words back, ELIZA-style: "I miss my mom" becomes "you miss your mom".
///
/// The echo is short and plain, or there is none. It starts at the first "I" of the first
/// sentence that has one, stops at the end of that sentence or at a word like "but", swaps
/// pronouns from the script's table, and gives up (so the reply is said without an echo) when the
/// words run past the limit, when they speak to the program ("you"), or when nothing is left.
public enum Reflection {
    /// Words that end an echo early: the rest of the sentence is a new thought.
    static let stops: Set<String> = ["but", "and", "because", "cause", "though", "although", "then", "lol", "haha"]

    /// The echo of `text`, or nil when it wouldn't read well.
    public static func echo(_ text: String, swaps: [String: String], limit: Int) -> String? {
        let tokens = Normalizer.tokens(text)
        guard let start = tokens.firstIndex(where: { $0.text == "i" }) else { return nil }
        let clause = tokens[start].clause
        var words: [String] = []
        for token in tokens[start...] {
            guard token.clause == clause, !stops.contains(token.text) else { break }
            words.append(token.text)
        }
        if words.contains(where: { ["you", "your", "yours", "yourself", "u", "ur"].contains($0) }) { return nil }
        var out: [String] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count, let pair = swaps[words[index] + " " + words[index + 1]] {
                out.append(pair)
                index += 2
                continue
            }
            out.append(swaps[words[index]] ?? words[index])
            index += 1
        }
        guard out.count >= 2, out.count <= limit,
              out.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "'" } })
        else { return nil }
        return out.joined(separator: " ")
    }
}
