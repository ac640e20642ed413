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

    // The same index in numbers, built by ``finish()`` for ``best(words:)``: a line's stems are
    // looked up once each, and the intents are scored in one flat array, with no set or
    // dictionary of strings per line.
    /// Every stem that can count (a term's, or a concept member's word) -> its number.
    private var stemNumbers: [String: Int32] = [:]
    /// The same stems in a ``WordTable`` (one cheap hash and probe), when an ASCII stem from a line
    /// can equal a stem only byte for byte: no stem is non-ASCII yet canonically equal to ASCII text.
    private var asciiStems: WordTable?
    /// Stem number -> the term it counts as, or -1 (ignored, or no intent uses it).
    private var stemTerms: [Int32] = []
    /// Stem number -> its concept members in ``memberRests`` and ``memberTerms``, from
    /// `memberStarts[n]` to `memberStarts[n + 1]`.
    private var memberStarts: [Int32] = [0]
    /// Each member: where the rest of its phrase (stem numbers) starts in ``restStems``, and the
    /// term its concept counts as.
    private var memberRests: [Int32] = []
    private var memberTerms: [Int32] = []
    private var restStems: [Int32] = []
    /// Term number -> its text, weight, and intents (`termIntents[termStarts[t]..<termStarts[t + 1]]`, sorted).
    private var termNames: [String] = []
    private var termWeights: [Double] = []
    /// Term number -> its place when terms are listed heaviest first, then in alphabetical order.
    private var termOrder: [Int32] = []
    private var termStarts: [Int32] = [0]
    private var termIntents: [Int32] = []

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
        numberTerms()
    }

    /// Builds the numbered form of the index that ``best(words:)`` reads.
    private mutating func numberTerms() {
        var termNumbers: [String: Int32] = [:]
        termNames = postings.keys.sorted()
        termWeights = []
        termStarts = [0]
        termIntents = []
        for (number, term) in termNames.enumerated() {
            termNumbers[term] = Int32(number)
            termWeights.append(weights[term]!)
            termIntents += postings[term]!.map { Int32($0) }
            termStarts.append(Int32(termIntents.count))
        }
        stemNumbers = [:]
        var stems: [String] = []
        func number(_ stem: String) -> Int32 {
            if let number = stemNumbers[stem] { return number }
            let number = Int32(stems.count)
            stemNumbers[stem] = number
            stems.append(stem)
            return number
        }
        for term in termNames { _ = number(term) }
        for (first, list) in members {
            _ = number(first)
            for member in list { for word in member.rest { _ = number(word) } }
        }
        var table = WordTable()
        var plain = true
        for stem in stems {
            // Swift compares strings by their canonical form; a non-ASCII stem whose canonical form
            // is ASCII could equal a line's stem with other bytes, so then only the dictionary is used.
            if !stem.utf8.allSatisfy({ $0 < 0x80 }), stem.precomposedStringWithCanonicalMapping.utf8.allSatisfy({ $0 < 0x80 }) {
                plain = false
            }
            _ = table.add(stem)
        }
        asciiStems = plain ? table : nil
        var order = [Int32](repeating: 0, count: termNames.count)
        let ordered = termNames.indices.sorted { (termWeights[$0], termNames[$1]) > (termWeights[$1], termNames[$0]) }
        for (place, term) in ordered.enumerated() { order[term] = Int32(place) }
        termOrder = order
        stemTerms = stems.map { ignored.contains($0) ? -1 : termNumbers[$0] ?? -1 }
        memberStarts = [0]
        memberRests = []
        memberTerms = []
        restStems = []
        for stem in stems {
            // Members whose concept no intent uses never count, so they are left out.
            for member in members[stem] ?? [] {
                guard let term = termNumbers[member.term] else { continue }
                memberRests.append(Int32(restStems.count))
                restStems += member.rest.map { stemNumbers[$0]! }
                memberTerms.append(term)
            }
            memberStarts.append(Int32(memberTerms.count))
        }
        memberRests.append(Int32(restStems.count))
    }

    /// Up to this many postings in a line are scored on the stack.
    static let fewPostings = 64

    /// The best intent for `words` and the runner-up's score, without ranking every intent.
    ///
    /// The same as ranking the terms of ``terms(of:)`` by their weights, on numbers: each word's
    /// stem is looked up once, and scores are summed in one flat array.
    public func best(words: [String]) -> (first: Hit?, second: Double?) {
        guard !termNames.isEmpty, !words.isEmpty else { return (nil, nil) }
        let terms = numberedTerms(of: words)
        guard !terms.isEmpty else { return (nil, nil) }
        // Each intent's score is summed in the order of `terms`; which intent wins does not depend
        // on the order intents are read in. Few postings are summed in a small list on the stack,
        // many in a flat array with one bit per intent.
        var top: (intent: Int, score: Double)?
        var second: Double?
        func consider(_ intent: Int, _ score: Double) {
            if let current = top, score < current.score || (score == current.score && intent < current.intent) {
                if score > (second ?? -1) { second = score }
                return
            }
            if let current = top { second = max(second ?? -1, current.score) }
            top = (intent, score)
        }
        var postings = 0
        for term in terms { postings += Int(termStarts[Int(term) + 1] - termStarts[Int(term)]) }
        if postings <= Self.fewPostings {
            withUnsafeTemporaryAllocation(of: (intent: Int32, score: Double).self, capacity: Self.fewPostings) { scored in
                var count = 0
                for term in terms {
                    let weight = termWeights[Int(term)]
                    postings: for intent in termIntents[Int(termStarts[Int(term)])..<Int(termStarts[Int(term) + 1])] {
                        for index in 0..<count where scored[index].intent == intent {
                            scored[index].score += weight
                            continue postings
                        }
                        scored[count] = (intent, weight)
                        count += 1
                    }
                }
                for index in 0..<count { consider(Int(scored[index].intent), scored[index].score) }
            }
        } else {
            let bitWords = (intents.count + 63) >> 6
            let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: bitWords)
            seen.initialize(repeating: 0, count: bitWords)
            let scores = UnsafeMutablePointer<Double>.allocate(capacity: intents.count)
            defer {
                seen.deallocate()
                scores.deallocate()
            }
            for term in terms {
                let weight = termWeights[Int(term)]
                for intent in termIntents[Int(termStarts[Int(term)])..<Int(termStarts[Int(term) + 1])] {
                    let number = Int(intent), bit: UInt64 = 1 << UInt64(number & 63)
                    if seen[number >> 6] & bit == 0 {
                        seen[number >> 6] |= bit
                        scores[number] = weight
                    } else {
                        scores[number] += weight
                    }
                }
            }
            for word in 0..<bitWords {
                var bits = seen[word]
                while bits != 0 {
                    let intent = word << 6 | bits.trailingZeroBitCount
                    bits &= bits - 1
                    consider(intent, scores[intent])
                }
            }
        }
        guard let top else { return (nil, nil) }
        // Locals, so the closures below capture arrays rather than a copy of the whole index.
        let termOrder = termOrder, termNames = termNames
        var keywords: [Int32] = []
        for term in terms where has(term: term, intent: Int32(top.intent)) { keywords.append(term) }
        keywords.sort { termOrder[Int($0)] < termOrder[Int($1)] }
        return (Hit(intent: intents[top.intent], score: top.score, keywords: keywords.map { termNames[Int($0)] }), second)
    }

    /// The terms of ``terms(of:)`` that some intent uses, as numbers, each once, in the order
    /// they first appear in `words`: each word's stem is looked up once.
    private func numberedTerms(of words: [String]) -> [Int32] {
        guard !termNames.isEmpty else { return [] }
        // The line's stems as numbers: -1 for a stem nothing uses.
        let asciiStems = asciiStems
        var stems: [Int32] = []
        stems.reserveCapacity(words.count)
        for word in words {
            if let asciiStems {
                // An ASCII word: its stem is a run of its bytes, looked up without making a string.
                var copy = word
                let number = copy.withUTF8 { bytes -> Int32? in
                    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                    return asciiStems.number(ofBytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - Self.stemCut(bytes))]))
                }
                if let number {
                    stems.append(number)
                    continue
                }
            }
            stems.append(stemNumbers[Self.stem(word)] ?? -1)
        }
        var terms: [Int32] = []
        for index in stems.indices {
            let stem = stems[index]
            guard stem >= 0 else { continue }
            let term = stemTerms[Int(stem)]
            if term >= 0, !terms.contains(term) { terms.append(term) }
            for member in Int(memberStarts[Int(stem)])..<Int(memberStarts[Int(stem) + 1]) {
                let rest = Int(memberRests[member])..<Int(memberRests[member + 1])
                guard index + rest.count < stems.count else { continue }
                if rest.isEmpty || stems[(index + 1)...].starts(with: restStems[rest]) {
                    let term = memberTerms[member]
                    if !terms.contains(term) { terms.append(term) }
                }
            }
        }
        return terms
    }

    /// Whether `intent` uses `term` (its intents are sorted).
    private func has(term: Int32, intent: Int32) -> Bool {
        var low = Int(termStarts[Int(term)]), high = Int(termStarts[Int(term) + 1])
        while low < high {
            let middle = (low + high) / 2
            if termIntents[middle] < intent { low = middle + 1 } else { high = middle }
        }
        return low < Int(termStarts[Int(term) + 1]) && termIntents[low] == intent
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

    /// Every intent sharing a term with `words`, best first. Scores are summed in the order the
    /// terms appear in the line, as ``best(words:)`` sums them.
    public func rank(words: [String]) -> [Hit] {
        var scores: [Int: Double] = [:]
        var counted: [Int: [Int]] = [:]
        for term in numberedTerms(of: words).map(Int.init) {
            let weight = termWeights[term]
            for intent in termIntents[Int(termStarts[term])..<Int(termStarts[term + 1])].map(Int.init) {
                scores[intent, default: 0] += weight
                counted[intent, default: []].append(term)
            }
        }
        let termOrder = termOrder, termNames = termNames, intents = intents
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }.map { intent, score in
            let keywords = counted[intent]!.sorted { termOrder[$0] < termOrder[$1] }.map { termNames[$0] }
            return Hit(intent: intents[intent], score: score, keywords: keywords)
        }
    }

    /// How many bytes ``stem(_:)`` cuts from an ASCII word (where a character is a byte).
    @inline(__always)
    static func stemCut(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        // Too short for any ending.
        guard count > 4 else { return 0 }
        let last = bytes[count - 1], previous = bytes[count - 2]
        if count > 6, last == UInt8(ascii: "g"), previous == UInt8(ascii: "n"), bytes[count - 3] == UInt8(ascii: "i") { return 3 }
        if count > 5, last == UInt8(ascii: "d") || last == UInt8(ascii: "s"), previous == UInt8(ascii: "e") { return 2 }
        return last == UInt8(ascii: "s") ? 1 : 0
    }

    /// A rough stem: common endings cut from longer words, so word forms agree.
    public static func stem(_ word: String) -> String {
        for ending in ["ing", "ed", "es", "s"] where word.count > ending.count + 3 && word.hasSuffix(ending) {
            return String(word.dropLast(ending.count))
        }
        return word
    }
}
