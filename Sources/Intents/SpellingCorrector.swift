/// Fixes one-letter typos in longer words against a known vocabulary (`stresed` -> `stressed`).
///
/// Only a missing letter, an extra letter or two swapped neighbours count as typos. A changed
/// letter does not: it too often turns one real word into another (`lovely` -> `lonely`).
/// Uses a deletion index: a typo one edit away from a word shares a one-deletion form with it,
/// so lookups cost a few hash probes whatever the size of the vocabulary.
public struct SpellingCorrector: Sendable {
    /// Words shorter than this are never corrected: short words collide too easily.
    public let minimumLength: Int
    private let vocabulary: Set<String>
    /// Each one-deletion form (and each word itself) -> the vocabulary words it comes from.
    private var forms: [String: [String]] = [:]

    public init(vocabulary: Set<String>, minimumLength: Int = 5) {
        self.vocabulary = vocabulary
        self.minimumLength = minimumLength
        for word in vocabulary.sorted() where word.count >= minimumLength - 1 {
            for form in Set(Self.deletionForms(word) + [word]) { forms[form, default: []].append(word) }
        }
    }

    /// The vocabulary word `word` most likely stands for, or `word` itself.
    ///
    /// A missing letter is the likeliest typo, then an extra letter, then a swap; within the
    /// likeliest kind that fits, an ambiguous word is left alone.
    public func correct(_ word: String) -> String {
        guard word.count >= minimumLength, !vocabulary.contains(word), word.allSatisfy(\.isLetter) else { return word }
        var candidates = Set<String>()
        for form in [word] + Self.deletionForms(word) {
            for candidate in forms[form] ?? [] where Self.isTypo(word, of: candidate) && Self.firstLetterAgrees(word, candidate) {
                candidates.insert(candidate)
            }
        }
        for length in [word.count + 1, word.count - 1, word.count] {
            let kind = candidates.filter { $0.count == length }
            if kind.count == 1 { return kind.first! }
            if kind.count > 1 { return word }
        }
        return word
    }

    /// Corrects every word in `words`.
    public func correct(_ words: [String]) -> [String] { words.map(correct) }

    /// A letter missing, a letter extra, or two neighbours swapped.
    static func isTypo(_ typed: String, of word: String) -> Bool {
        let a = Array(typed), b = Array(word)
        if abs(a.count - b.count) == 1 { return editDistance(typed, word) == 1 }
        guard a.count == b.count else { return false }
        let differences = a.indices.filter { a[$0] != b[$0] }
        return differences.count == 2 && differences[1] == differences[0] + 1
            && a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
    }

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
