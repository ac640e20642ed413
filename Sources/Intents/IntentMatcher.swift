/// Routes a line of text to the intent whose trigger fits it best.
///
/// Triggers are compiled once into a ``PatternIndex``. The most specific matching trigger
/// wins; among equally specific triggers the one added last wins, as in AIML, so a flow loaded
/// later (such as your own) takes precedence.
public struct IntentMatcher: Sendable {
    /// One trigger as the author wrote it.
    public struct Trigger: Sendable {
        public let intent: String
        /// The pattern's text.
        public let source: String
        public let number: Int
    }

    /// What a line matched.
    public struct Match: Sendable, Equatable {
        public let intent: String
        /// The trigger's text.
        public let trigger: String
        /// Position of the trigger among the intent's triggers.
        public let triggerNumber: Int
        public let score: Int
    }

    public let concepts: ConceptTable
    public private(set) var triggers: [Trigger] = []
    private var index: PatternIndex
    private var owners: [Int] = []  // linear pattern number -> trigger number
    private var scores: [Int] = []  // linear pattern number -> its specificity
    public private(set) var corrector: SpellingCorrector
    private var vocabulary: Set<String>
    /// Lines longer than this many words are matched on their first words only.
    public static let wordLimit = 64

    public init(concepts: ConceptTable) {
        self.concepts = concepts
        index = PatternIndex()
        vocabulary = []
        corrector = SpellingCorrector(vocabulary: [])
    }

    /// Adds a trigger for `intent`; throws when the pattern can't be compiled.
    public mutating func add(intent: String, pattern source: String, number: Int = 0) throws(PatternError) {
        try add(intent: intent, pattern: try Pattern(source), number: number)
    }

    /// Adds a parsed trigger for `intent`, such as one ``Pattern/compacted(into:)`` made.
    public mutating func add(intent: String, pattern: Pattern, number: Int = 0) throws(PatternError) {
        let source = pattern.source
        let linear = try pattern.linearized(concepts: concepts)
        if linear.contains(where: \.matchesEmpty) {
            throw PatternError(message: "pattern '\(source)' matches an empty line", column: 1,
                               hint: "add at least one word or ~concept")
        }
        let triggerNumber = triggers.count
        triggers.append(Trigger(intent: intent, source: source, number: number))
        for form in linear {
            index.insert(form, concepts: concepts)
            owners.append(triggerNumber)
            scores.append(form.specificity)
        }
        vocabulary.formUnion(pattern.literalWords)
        for name in Set(pattern.conceptNames) {
            if let id = concepts.id(of: name) { vocabulary.formUnion(concepts.concepts[id].phrases.joined()) }
        }
    }

    /// Rebuilds the spelling corrector; call once after adding triggers.
    public mutating func finish() {
        // Seven letters or more: shorter words are too often other real words ("there" is not "three",
        // "waking" is not "walking").
        corrector = SpellingCorrector(vocabulary: vocabulary, minimumLength: 7)
    }

    /// The words a line is matched on: normalized, spell-corrected and capped.
    public func words(for text: String) -> [String] { numbered(text).words }

    /// The words of `text` and their numbers in the index. Only words no trigger uses are
    /// spell-corrected, so a known word costs one lookup.
    private func numbered(_ text: String) -> (words: [String], line: PatternIndex.Line) {
        numbered(normalized: Normalizer.words(text))
    }

    /// ``numbered(_:)`` for a line already given to ``Normalizer/words(_:)``.
    private func numbered(normalized: [String]) -> (words: [String], line: PatternIndex.Line) {
        var words = normalized
        if words.count > Self.wordLimit { words.removeSubrange(Self.wordLimit...) }
        let line = index.line(&words, correcting: corrector)
        return (words, line)
    }

    /// The best match for `text`, if any trigger fits.
    public func match(_ text: String) -> Match? { best(of: index.wholeMatches(numbered(text).line)) }

    /// The best match for `text` and the words it was matched on, normalizing the line once.
    public func matchWithWords(_ text: String) -> (match: Match?, words: [String]) {
        let (words, line) = numbered(text)
        return (best(of: index.wholeMatches(line)), words)
    }

    /// ``matchWithWords(_:)`` for a line whose ``Normalizer/words(_:)`` are already at hand: the
    /// same words are capped and spell-corrected as for the text.
    public func matchWithWords(normalized words: [String]) -> (match: Match?, words: [String]) {
        let (words, line) = numbered(normalized: words)
        return (best(of: index.wholeMatches(line)), words)
    }

    /// ``match(_:)`` for a line whose ``Normalizer/words(_:)`` are already at hand.
    public func match(normalized words: [String]) -> Match? { best(of: index.wholeMatches(numbered(normalized: words).line)) }

    /// The best match for words that are already normalized.
    public func match(words: [String]) -> Match? { best(of: index.wholeMatches(words)) }

    /// Every trigger that fits `words`, best first.
    public func allMatches(words: [String]) -> [Match] {
        rank(index.wholeMatches(words))
    }

    /// The best of a set of matching linear-pattern numbers: the highest score, then the
    /// trigger added last (the same order as ``allMatches(words:)``).
    public func best(of patternNumbers: [Int]) -> Match? {
        var best = -1
        for number in patternNumbers {
            if best < 0 || scores[number] > scores[best] || (scores[number] == scores[best] && owners[number] > owners[best]) {
                best = number
            }
        }
        guard best >= 0 else { return nil }
        let trigger = owners[best]
        return Match(intent: triggers[trigger].intent, trigger: triggers[trigger].source,
                     triggerNumber: triggers[trigger].number, score: scores[best])
    }

    private func rank(_ patternNumbers: [Int]) -> [Match] {
        if patternNumbers.count <= 1 { return best(of: patternNumbers).map { [$0] } ?? [] }
        var bestPerTrigger: [Int: Int] = [:]  // trigger -> best score
        for number in patternNumbers {
            let trigger = owners[number]
            let score = scores[number]
            if score > bestPerTrigger[trigger] ?? .min { bestPerTrigger[trigger] = score }
        }
        return bestPerTrigger.sorted { a, b in a.value != b.value ? a.value > b.value : a.key > b.key }.map { trigger, score in
            Match(intent: triggers[trigger].intent, trigger: triggers[trigger].source,
                  triggerNumber: triggers[trigger].number, score: score)
        }
    }

    /// All compiled forms, in order, for checking the index against ``NaiveMatcher``.
    public var linearPatterns: [LinearPattern] { index.patterns }
}

extension IntentMatcher {
    /// Appends the matcher to `archive`, without its concept table: the caller archives that once
    /// for every matcher that shares it.
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(triggers)
        archive.write(index)
        archive.write(plain: owners)
        archive.write(plain: scores)
        archive.write(corrector)
        archive.write(vocabulary)
    }

    /// Reads back a matcher archived with ``archive(into:)`` over `concepts`.
    public init(from archive: inout ArchiveReader, concepts: ConceptTable) throws(ArchiveError) {
        self.concepts = concepts
        triggers = try archive.read()
        index = try archive.read()
        owners = try archive.readPlainArray()
        scores = try archive.readPlainArray()
        corrector = try archive.read()
        vocabulary = try archive.read()
        let patterns = index.patternCount
        guard owners.count == patterns, scores.count == patterns, owners.allSatisfy({ $0 >= 0 && $0 < triggers.count }) else {
            throw ArchiveError("a matcher's patterns and triggers disagree")
        }
    }
}

extension IntentMatcher.Trigger: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(intent)
        archive.write(source)
        archive.write(number)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        intent = try archive.read()
        source = try archive.read()
        number = try archive.read()
    }
}
