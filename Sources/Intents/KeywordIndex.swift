import Foundation

/// Ranks intents by the keywords and concepts a line shares with their triggers and examples.
///
/// This is routing's second tier, for lines no trigger fits as a whole. Each intent is a bag of
/// terms: the literal words of its triggers and examples, and the `~concepts` its triggers use.
/// A term weighs more the fewer intents share it (the inverse document frequency of BM25), so
/// "breathing" counts for a lot and "feel" for little. A line scores the weights of the terms it
/// shares with an intent. Words are cut to a rough stem ("journaling" and "journal" agree), and a
/// concept member anywhere in the line counts as its concept.
///
/// The cost per line is one lookup per word and per concept member starting at that word, plus
/// the intents sharing those terms: it does not grow with the number of triggers.
public struct KeywordIndex: Sendable {
    /// One intent's score for a line, with the terms that counted.
    public struct Hit: Sendable, Equatable {
        public let intent: String
        public let score: Double
        /// The terms that counted, heaviest first: stems, and `~name` for concepts.
        public let keywords: [String]
    }

    private var intents: [String] = []
    /// term -> intents that use it.
    private var postings: [String: [Int]] = [:]
    /// term -> weight, set by ``finish()``.
    private var weights: [String: Double] = [:]
    /// First word -> concept members starting with it, as (rest of the phrase, "~concept").
    private var members: [String: [(rest: [String], term: String)]] = [:]
    private let ignored: Set<String>

    /// An empty index whose concepts come from `concepts`; `ignoring` lists words that never count.
    public init(concepts: ConceptTable, ignoring: Set<String>) {
        ignored = Set(ignoring.map(Self.stem))
        for concept in concepts.concepts {
            for phrase in concept.phrases {
                members[Self.stem(phrase[0]), default: []].append((phrase.dropFirst().map(Self.stem), "~" + concept.name))
            }
        }
    }

    /// Adds `intent` with the patterns of its triggers and the lines of its examples.
    public mutating func add(intent: String, patterns: [Pattern], examples: [String]) {
        var terms = Set<String>()
        for pattern in patterns {
            for word in pattern.literalWords {
                let stem = Self.stem(word)
                if !ignored.contains(stem) { terms.insert(stem) }
            }
            for name in pattern.conceptNames { terms.insert("~" + name.lowercased()) }
        }
        for example in examples { terms.formUnion(self.terms(of: Normalizer.words(example))) }
        let number = intents.count
        intents.append(intent)
        for term in terms { postings[term, default: []].append(number) }
    }

    /// Weighs every term by how few intents share it; call once after adding intents.
    public mutating func finish() {
        let count = Double(intents.count)
        postings = postings.mapValues { Array(Set($0)).sorted() }
        weights = postings.mapValues { intentsWithTerm in
            let shared = Double(intentsWithTerm.count)
            return log(1 + (count - shared + 0.5) / (shared + 0.5))
        }
    }

    /// The best intent for `words` and the runner-up's score, without ranking every intent.
    public func best(words: [String]) -> (first: Hit?, second: Double?) {
        var scores: [Int: Double] = [:]
        let terms = terms(of: words)
        for term in terms {
            guard let weight = weights[term], let list = postings[term] else { continue }
            for intent in list { scores[intent, default: 0] += weight }
        }
        var top: (intent: Int, score: Double)?
        var second: Double?
        for (intent, score) in scores {
            if let current = top, score < current.score || (score == current.score && intent < current.intent) {
                if score > (second ?? -1) { second = score }
                continue
            }
            if let current = top { second = max(second ?? -1, current.score) }
            top = (intent, score)
        }
        guard let top else { return (nil, nil) }
        let keywords = terms.filter { postings[$0]?.contains(top.intent) ?? false }.sorted { (weights[$0]!, $1) > (weights[$1]!, $0) }
        return (Hit(intent: intents[top.intent], score: top.score, keywords: keywords), second)
    }

    /// The terms of normalized `words`: stems of the words that count, and concepts whose members appear.
    public func terms(of words: [String]) -> Set<String> {
        var found = Set<String>()
        let stems = words.map(Self.stem)
        for (index, stem) in stems.enumerated() {
            if !ignored.contains(stem) { found.insert(stem) }
            for member in members[stem] ?? [] where index + member.rest.count < stems.count {
                if member.rest.isEmpty || stems[(index + 1)...].starts(with: member.rest) { found.insert(member.term) }
            }
        }
        return found
    }

    /// Every intent sharing a term with `words`, best first.
    public func rank(words: [String]) -> [Hit] {
        var scores: [Int: Double] = [:]
        var counted: [Int: [String]] = [:]
        for term in terms(of: words) {
            guard let weight = weights[term], let list = postings[term] else { continue }
            for intent in list {
                scores[intent, default: 0] += weight
                counted[intent, default: []].append(term)
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.map { intent, score in
            let keywords = counted[intent]!.sorted { (weights[$0]!, $1) > (weights[$1]!, $0) }
            return Hit(intent: intents[intent], score: score, keywords: keywords)
        }
    }

    /// A rough stem: common endings cut from longer words, so word forms agree.
    public static func stem(_ word: String) -> String {
        for ending in ["ing", "ed", "es", "s"] where word.count > ending.count + 3 && word.hasSuffix(ending) {
            return String(word.dropLast(ending.count))
        }
        return word
    }
}
