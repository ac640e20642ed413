/// Fixes one-letter typos in longer words against a known vocabulary (`stresed` -> `stressed`).
///
/// Uses a deletion index: a typo one edit away from a word shares a one-deletion form with it,
/// so lookups cost a few hash probes whatever the size of the vocabulary.
public struct SpellingCorrector: Sendable {
    /// Words shorter than this are never corrected: short words collide too easily.
    public let minimumLength: Int
    private let vocabulary: Set<String>
    private var deletions: [String: String] = [:]
    private var ambiguous: Set<String> = []

    public init(vocabulary: Set<String>, minimumLength: Int = 5) {
        self.vocabulary = vocabulary
        self.minimumLength = minimumLength
        for word in vocabulary.sorted() where word.count >= minimumLength {
            for form in Self.deletionForms(word) + [word] { add(form, word) }
        }
    }

    private mutating func add(_ form: String, _ word: String) {
        if let existing = deletions[form], existing != word {
            ambiguous.insert(form)
        } else {
            deletions[form] = word
        }
    }

    /// The vocabulary word `word` most likely stands for, or `word` itself.
    public func correct(_ word: String) -> String {
        guard word.count >= minimumLength, !vocabulary.contains(word), word.allSatisfy(\.isLetter) else { return word }
        var found: String?
        for form in [word] + Self.deletionForms(word) {
            guard let candidate = deletions[form], !ambiguous.contains(form) else { continue }
            guard editDistance(word, candidate) == 1 else { continue }
            if let found, found != candidate { return word }
            found = candidate
        }
        if let found, Self.firstLetterAgrees(word, found) { return found }
        return word
    }

    /// Corrects every word in `words`.
    public func correct(_ words: [String]) -> [String] { words.map(correct) }

    static func firstLetterAgrees(_ a: String, _ b: String) -> Bool { a.first == b.first }

    static func deletionForms(_ word: String) -> [String] {
        let characters = Array(word)
        return characters.indices.map { index in
            var copy = characters
            copy.remove(at: index)
            return String(copy)
        }
    }
}
