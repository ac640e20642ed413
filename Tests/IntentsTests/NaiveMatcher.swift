@testable import Intents

/// Tries every pattern on every line: slow, obviously correct, and the reference for ``PatternIndex``.
struct NaiveMatcher: Sendable {
    let patterns: [LinearPattern]
    let concepts: ConceptTable

    init(patterns: [LinearPattern], concepts: ConceptTable) {
        self.patterns = patterns
        self.concepts = concepts
    }

    /// Numbers of the patterns that match all of `words`, in ascending order.
    func wholeMatches(_ words: [String]) -> [Int] {
        patterns.indices.filter { matches(patterns[$0].atoms[...], words, 0, wholeLine: true) }
    }

    /// Pattern numbers with the end of each match that starts at `start`, in ascending order.
    func prefixMatches(_ words: [String], from start: Int) -> [(pattern: Int, end: Int)] {
        patterns.indices.flatMap { number in
            ends(patterns[number].atoms[...], words, start).sorted().map { (number, $0) }
        }
    }

    /// Every position where `atoms` can stop matching, starting at `position`.
    func ends(_ atoms: ArraySlice<Atom>, _ words: [String], _ position: Int) -> Set<Int> {
        guard let atom = atoms.first else { return [position] }
        let rest = atoms.dropFirst()
        let nexts: [Int]
        switch atom {
        case .word(let word): nexts = position < words.count && words[position] == word ? [position + 1] : []
        case .concept(let id): nexts = concepts.ends(of: id, in: words, at: position)
        case .star: nexts = position < words.count ? Array((position + 1)...words.count) : []
        case .anyStar: nexts = Array(position...words.count)
        }
        return nexts.reduce(into: Set<Int>()) { $0.formUnion(ends(rest, words, $1)) }
    }

    func matches(_ atoms: ArraySlice<Atom>, _ words: [String], _ position: Int, wholeLine: Bool) -> Bool {
        guard let atom = atoms.first else { return !wholeLine || position == words.count }
        let rest = atoms.dropFirst()
        switch atom {
        case .word(let word):
            return position < words.count && words[position] == word && matches(rest, words, position + 1, wholeLine: wholeLine)
        case .concept(let id):
            return concepts.ends(of: id, in: words, at: position).contains { matches(rest, words, $0, wholeLine: wholeLine) }
        case .star:
            return position < words.count && ((position + 1)...words.count).contains { matches(rest, words, $0, wholeLine: wholeLine) }
        case .anyStar:
            return (position...words.count).contains { matches(rest, words, $0, wholeLine: wholeLine) }
        }
    }
}
