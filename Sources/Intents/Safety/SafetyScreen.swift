/// Screens a line of text for danger and says how urgent it is.
///
/// The screen normalizes the text (folding, look-alikes, spelling), sets aside figures of
/// speech, finds signals in each clause, notes negations, then combines the evidence into a
/// ``SafetyTier``. It knows nothing about flows: the dialogue layer decides what to say.
public struct SafetyScreen: Sendable {
    /// One signal found in the text.
    public struct Hit: Sendable, Equatable {
        public var signal: String
        public var pattern: String
        /// The words the pattern covered.
        public var words: String
        /// Softened: negated ("I'm not going to") or in the past ("I used to").
        public var negated: Bool
        /// The clause jokes ("lol"): softens ideation, never an act or a method.
        public var joking: Bool = false
        /// About someone else ("my friend wants to die"), not the person writing.
        public var aboutSomeoneElse: Bool = false
        /// Which clause of the message it was found in, and which words of it.
        public var clause: Int = 0
        public var span: Range<Int> = 0..<0
    }

    /// The verdict on one line, with the evidence behind it.
    public struct Assessment: Sendable {
        public var tier: SafetyTier
        public var category: SafetyCategory
        public var hits: [Hit]
        /// Combinations of signals that raised the tier.
        public var combinations: [String]
        /// The words the screen read, after normalization and with figures of speech set aside.
        public var normalized: String
        /// Figures of speech found and ignored.
        public var figures: [String]
        /// What the learned net said, when the screen has one.
        public var score: SafetyModel.Score? = nil
        /// Set when the learned net raised the tier above what the rules found: the tier the rules gave.
        public var rulesTier: SafetyTier? = nil
        /// Whether a joke ("lol") alone took a crisis down a step: the learned net then decides.
        public var jokeSoftened = false
        /// Whether the rules held evidence at concern for the net's second opinion (a firm signal at
        /// concern: the bare word "suicide", means at hand), which a line too short for the net makes a crisis.
        public var held = false

        public static let none = Assessment(tier: .none, category: .oneself, hits: [], combinations: [], normalized: "", figures: [])
    }

    public private(set) var lexicon: SafetyLexicon
    /// The learned net, which can only raise a tier.
    public let model: SafetyModel?
    private let frames: SafetyFrames
    private let signalIndex: PatternIndex
    /// For each pattern in ``signalIndex``: its signal, and its place among that signal's patterns.
    private let signalOf: [Source]
    private let figureIndex: PatternIndex
    /// For each pattern in ``figureIndex``: the figure it comes from, as a place in the lexicon's figures.
    private let figureSource: [Int32]
    private let corrector: SpellingCorrector
    private let vocabulary: Set<String>
    private let spellings: [String: [String]]
    private let negators: Set<String>
    /// Risk words that are recognized when split in two.
    private let joinable: Set<String>
    /// The lexicon's `words` lists, as sets.
    private let jokes: Set<String>, jokeTakenBack: Set<String>, otherPeople: Set<String>, firstPerson: Set<String>
    /// Words that make what follows a thing ("the", "my"): see ``SafetyFrames/matches(in:determiners:)``.
    private let determiners: Set<String>
    private let ownSelf: Set<String>, otherSelves: Set<String>
    /// Patterns that failed to compile, with why; the rest of the lexicon still works.
    public private(set) var problems: [String] = []

    /// The learned net raises only lines with at least this many words.
    public static let fewestWordsForModel = 4
    /// The net's lower threshold, a gentle check-in, needs a longer line: on a short answer inside
    /// an exercise ("everyone gets them sometimes") a word or two decides it.
    static let fewestWordsForModelConcern = 8

    /// Clauses are screened in windows of this many words, so a huge line costs linear time.
    static let window = 48

    public init(lexicon: SafetyLexicon = .builtIn, model: SafetyModel? = nil) {
        var lexicon = lexicon
        // A frame counts like a signal of its name, so the verdict and the combinations treat both alike.
        for frame in lexicon.frames where !lexicon.signals.contains(where: { $0.name == frame.name }) {
            lexicon.signals.append(SafetyLexicon.Signal(name: frame.name, tier: frame.tier, category: frame.category, firm: frame.firm,
                                                        about: frame.about, patterns: []))
        }
        self.lexicon = lexicon
        self.model = model
        (jokes, jokeTakenBack, otherPeople, firstPerson, ownSelf, otherSelves) = Self.wordSets(lexicon)
        determiners = Set(lexicon.words["determiners"] ?? [])
        var concepts = ConceptTable()
        for name in lexicon.concepts.keys.sorted() { concepts.define(name, members: lexicon.concepts[name]!) }
        var problems: [String] = []
        var vocabulary = concepts.vocabulary
        // Parse and compact every pattern first: compacting adds concepts, and the indexes need them all.
        var signalPatterns: [(source: Source, pattern: Pattern)] = []
        for (number, signal) in lexicon.signals.enumerated() {
            for (place, source) in signal.patterns.enumerated() {
                do {
                    let pattern = try Pattern(source)
                    vocabulary.formUnion(pattern.literalWords)
                    signalPatterns.append((Source(signal: Int32(number), pattern: Int32(place)), pattern.compacted(into: &concepts)))
                } catch {
                    problems.append("signal \(signal.name): '\(source)': \(error.message)")
                }
            }
        }
        var figurePatterns: [(source: Int32, pattern: Pattern)] = []
        for (place, source) in lexicon.figures.enumerated() {
            do { figurePatterns.append((Int32(place), try Pattern(source).compacted(into: &concepts))) } catch {
                problems.append("figure '\(source)': \(error.message)")
            }
        }
        frames = SafetyFrames(lexicon: lexicon, concepts: &concepts, vocabulary: &vocabulary, problems: &problems)
        let (signalIndex, signalOf) = Self.index(signalPatterns, concepts: concepts) { source, pattern, error in
            problems.append("signal \(lexicon.signals[Int(source.signal)].name): '\(pattern.source)': \(error.message)")
        }
        let (figureIndex, figureSource) = Self.index(figurePatterns, concepts: concepts) { _, pattern, error in
            problems.append("figure '\(pattern.source)': \(error.message)")
        }
        var spellings: [String: [String]] = [:]
        for (wrong, right) in lexicon.spellings {
            let from = Normalizer.words(wrong), to = Normalizer.words(right)
            if from.count == 1, !to.isEmpty { spellings[from[0]] = to }
        }
        self.signalIndex = signalIndex
        self.signalOf = signalOf
        self.figureIndex = figureIndex
        self.figureSource = figureSource
        self.vocabulary = vocabulary
        // Only chosen longer words are fixed by edit distance: fixing toward any lexicon word would
        // turn ordinary words into risk words (tired -> tied, brought -> bought).
        self.corrector = SpellingCorrector(vocabulary: Set(lexicon.typoTargets.flatMap(Normalizer.words)), minimumLength: 6)
        self.spellings = spellings
        self.negators = Set(lexicon.negators.flatMap(Normalizer.words))
        self.joinable = Set(lexicon.typoTargets.flatMap(Normalizer.words) + ["suicide", "myself", "unalive", "overdose", "kill"])
        self.problems = problems
    }

    /// An index over the flat forms of `patterns` that can't match an empty line, with the source
    /// of each form in index order; a pattern that can't be flattened goes to `failed`.
    private static func index<Source>(_ patterns: [(source: Source, pattern: Pattern)], concepts: ConceptTable,
                                      failed: (Source, Pattern, PatternError) -> Void) -> (PatternIndex, [Source])
    {
        var index = PatternIndex()
        var sources: [Source] = []
        for (source, pattern) in patterns {
            do {
                for form in try pattern.linearized(concepts: concepts) where !form.matchesEmpty {
                    index.insert(form, concepts: concepts)
                    sources.append(source)
                }
            } catch {
                failed(source, pattern, error)
            }
        }
        return (index, sources)
    }

    /// Stands in for a comma while the text is normalized, so that a negation does not reach
    /// across one ("I'm really not, suicide is all I think about").
    static let commaMark = "qqcommaqq"

    /// Screens `text`: the rules first, then the learned net, which may only raise the tier.
    public func assess(_ text: String, explain: Bool = false) -> Assessment {
        var assessment = assessByRules(text)
        // Evidence the rules hold at concern for the net's second opinion: a firm signal at concern
        // (means at hand, a place of danger, the bare word "suicide", "I could just die").
        let held = assessment.tier == .concern && assessment.hits.contains { hit in
            !hit.negated && !hit.aboutSomeoneElse && signal(of: hit).map { $0.firm && $0.tier == .concern } == true
        }
        assessment.held = held
        guard let model else {
            // A line too short for any net to judge ("suicidal") is a crisis, as below.
            if held, Normalizer.words(text).count < Self.fewestWordsForModel { assessment.tier = .crisis }
            return assessment
        }
        // What the rules read as being about someone else stays theirs: the net can't tell who.
        if assessment.tier >= .concern, assessment.category == .someoneElse { return assessment }
        // Nothing is above an emergency: the net has nothing to add (but `--explain` shows it).
        if assessment.tier == .emergency, !explain { return assessment }
        let score = model.score(text, explain: explain)
        assessment.score = score
        // A line of a word or three carries too little for the net to judge ("bye", "sleeping badly"):
        // the rules, which read short lines well, have the last word there, and what they held
        // ("suicidal", "pills in hand") is a crisis.
        guard score.words >= Self.fewestWordsForModel else {
            if held { assessment.tier = .crisis }
            return assessment
        }
        // Where the rules read a denial or the past of risk itself ("I'm not going to hurt myself"), they
        // stand. A denied time alone is not a denial of risk: "not tonight, but soon" is still for the net.
        let standing = assessment.hits.contains { hit in
            !hit.negated && (signal(of: hit)?.tier ?? .none) > .none
        }
        let denied = assessment.hits.contains { hit in
            hit.negated && (signal(of: hit).map { $0.tier > .none || $0.firm } ?? true)
        }
        if denied, !standing { return assessment }
        let before = assessment.tier
        // The net's second opinion, where the rules found evidence but held it down a step: a wish to die
        // said with a joke ("i want to die lol anyway" is a crisis; "period cramps are the worst, i want
        // to die lol" stays a check-in), or what the rules held at concern above. Then the urgency model
        // below may make it an emergency.
        if assessment.jokeSoftened || held, assessment.tier < .crisis, score.risk >= model.secondOpinionThreshold {
            assessment.tier = .crisis
        }
        // A line the urgency model reads as happening now ("the tracks are buzzing, i'm lying down") needs
        // less risk to count, because a miss there costs most.
        if assessment.tier < .crisis, score.risk >= model.urgentRiskThreshold, score.urgency >= model.emergencyThreshold {
            assessment.tier = .crisis
            assessment.category = .oneself
        }
        if score.risk >= model.crisisThreshold, assessment.tier < .crisis {
            assessment.tier = .crisis
            assessment.category = .oneself
        } else if score.risk >= model.concernThreshold, assessment.tier < .concern, score.words >= Self.fewestWordsForModelConcern {
            assessment.tier = .concern
        }
        // The urgency model was trained on risky lines alone, so it speaks to any crisis, whoever found it,
        // and to a threat from someone else too ("he says he's going to kill me, he's coming up the stairs").
        if assessment.tier == .crisis, assessment.category == .oneself || assessment.category == .danger,
           score.urgency >= model.emergencyThreshold
        {
            assessment.tier = .emergency
        }
        if assessment.tier > before { assessment.rulesTier = before }
        return assessment
    }

    /// The lexicon's signal (or frame) that made `hit`.
    private func signal(of hit: Hit) -> SafetyLexicon.Signal? {
        lexicon.signals.first { $0.name == hit.signal }
    }

    /// Screens `text` with the lexicon's signals, frames and combinations alone.
    public func assessByRules(_ text: String) -> Assessment {
        let tokens = Normalizer.tokens(text.replacingOccurrences(of: ", ", with: " \(Self.commaMark) "))
        guard !tokens.isEmpty else { return .none }
        var clauses: [[String]] = []
        var current: [String] = []
        var clause = tokens[0].clause
        for token in tokens {
            if token.clause != clause {
                clauses.append(current)
                current = []
                clause = token.clause
            }
            current += respell(token.text)
        }
        clauses.append(current)
        // Commas come out of the words; each clause keeps the positions they stood before.
        var commas: [[Int]] = []
        clauses = clauses.map { clause in
            var words: [String] = []
            var marks: [Int] = []
            for word in joinSplitWords(clause) {
                if word == Self.commaMark { marks.append(words.count) } else { words.append(word) }
            }
            commas.append(marks)
            return words
        }

        var hits: [Hit] = []
        var figures: [String] = []
        var read: [String] = []
        let jokeTakenBack = isJokeTakenBack(clauses.flatMap { $0 })
        for (number, clause) in clauses.enumerated() {
            var start = 0
            repeat {
                let window = Array(clause[start..<min(clause.count, start + Self.window)])
                let windowCommas = commas[number].filter { $0 >= start && $0 < start + Self.window }.map { $0 - start }
                screen(window, clause: number, offset: start, commas: windowCommas, jokeTakenBack: jokeTakenBack, hits: &hits,
                       figures: &figures, read: &read)
                start += Self.window - 8
            } while start + 8 < clause.count
        }
        // "she cut again last night. she = me", "asking for a friend... the friend is me": told in the
        // third person, it is the writer's own.
        if hits.contains(where: { $0.signal == Self.selfRevealSignal }) {
            for index in hits.indices { hits[index].aboutSomeoneElse = false }
        }
        return verdict(hits, figures: figures, normalized: read.joined(separator: " "))
    }

    /// The signal that says the person the message talks about is the writer ("the girl is me").
    static let selfRevealSignal = "self-reveal"

    /// The lexicon's word lists the screen reads by name.
    static func wordSets(_ lexicon: SafetyLexicon) -> (Set<String>, Set<String>, Set<String>, Set<String>, Set<String>, Set<String>) {
        let set = { (name: String) in Set(lexicon.words[name] ?? []) }
        return (set("jokes"), set("joke-taken-back"), set("other-people"), set("first-person"), set("own-self"), set("other-selves"))
    }

    /// Whether the message takes a joke back: a joke word after "not", "no" or "srsly" ("lol. not
    /// lol", "not kidding"), "seriously", or a pair such as "but actually" or "for real". It then
    /// counts for every clause, not just its own.
    func isJokeTakenBack(_ words: [String]) -> Bool {
        words.contains("seriously") || words.indices.contains { index in
            jokes.contains(words[index]) && words[max(0, index - 2)..<index].contains { jokeTakenBack.contains($0) }
        } || zip(words, words.dropFirst()).contains { Self.takingBack.contains([$0, $1]) }
    }

    /// Word pairs that take a joke back after it: "lol. no but actually", "jk for real".
    static let takingBack: Set<[String]> = [["but", "actually"], ["no", "but"], ["for", "real"], ["being", "serious"],
                                            ["am", "serious"], ["im", "serious"]]

    /// Joins a risk word split in two ("sui cide", "my self").
    func joinSplitWords(_ words: [String]) -> [String] {
        guard words.count > 1 else { return words }
        var out: [String] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count, joinable.contains(words[index] + words[index + 1]) {
                out.append(words[index] + words[index + 1])
                index += 2
            } else {
                out.append(words[index])
                index += 1
            }
        }
        return out
    }

    /// The words `word` stands for: known misspellings, squeezed repeats, one-letter typos.
    ///
    /// Repeats are squeezed to match a known misspelling, and to match any other word only where a
    /// letter comes three times or more ("diiie") or is doubled at the end ("cutt", "ledgee"):
    /// plenty of ordinary words double a letter inside, and squeezing those makes other words
    /// ("smoother" is not "smother").
    func respell(_ word: String) -> [String] {
        if let fixed = spellings[word] { return fixed }
        if vocabulary.contains(word) { return [word] }
        var single = ""
        var run = 0, longestRun = 0
        for character in word {
            run = character == single.last ? run + 1 : 1
            longestRun = max(longestRun, run)
            if run == 1 { single.append(character) }
        }
        // A known misspelling may be squeezed any way ("pillz" is "pilz"): the list says what it is.
        if single != word, let fixed = spellings[single] { return fixed }
        if longestRun < 3 { single = run == 2 ? String(word.dropLast()) : word }
        if single != word, single.count >= 3 {
            if let fixed = spellings[single] { return fixed }
            if vocabulary.contains(single) { return [single] }
        }
        return [corrector.correct(word)]
    }

    private func screen(_ words: [String], clause: Int, offset: Int, commas: [Int], jokeTakenBack: Bool, hits: inout [Hit],
                        figures: inout [String], read: inout [String])
    {
        var words = words
        var position = 0
        // Matches from `position` read only words from there on, so each index numbers the line once;
        // a figure set aside is then set aside in the signals' line too.
        let figureLine = figureIndex.line(words)
        var line = signalIndex.line(words)
        while position < words.count {
            let found = figureIndex.prefixMatches(figureLine, from: position)
            // The longer reading wins: a figure is not set aside when a signal that starts with it runs
            // on past it ("end it with him and then myself").
            if let longest = found.max(by: { $0.end < $1.end }), longest.end > position,
               !signalIndex.prefixMatches(line, from: position).contains(where: { $0.end > longest.end })
            {
                figures.append(lexicon.figures[Int(figureSource[longest.pattern])] + ": " + words[position..<longest.end].joined(separator: " "))
                for index in position..<longest.end { words[index] = "_" }
                line.setAside(position..<longest.end)
                position = longest.end
            } else {
                position += 1
            }
        }
        read += words
        // "lol" jokes, unless it is taken back anywhere in the message: "not lol", "I'm not even kidding".
        let joking = !jokeTakenBack && words.contains { jokes.contains($0) }
        var seen = Set<String>()
        for start in words.indices where words[start] != "_" {
            for match in signalIndex.prefixMatches(line, from: start) where match.end > start {
                let covered = words[start..<match.end]
                if covered.contains("_") { continue }
                let signal = lexicon.signals[Int(signalOf[match.pattern].signal)]
                let source = signal.patterns[Int(signalOf[match.pattern].pattern)]
                let name = signal.name
                let key = "\(name)|\(start)"
                guard seen.insert(key).inserted else { continue }
                hits.append(Hit(signal: name, pattern: source, words: covered.joined(separator: " "),
                                negated: isNegated(words, before: start, covered: covered, commas: commas), joking: joking,
                                aboutSomeoneElse: isAboutSomeoneElse(words, before: start, covered: covered), clause: clause,
                                span: (offset + start)..<(offset + match.end)))
            }
        }
        for matched in frames.matches(in: words, determiners: determiners) {
            let frame = lexicon.frames[matched.frame]
            let span = matched.span
            let key = "\(frame.name)|\(span.lowerBound)"
            guard seen.insert(key).inserted else { continue }
            let covered = words[span]
            let filled = matched.fills.map { "\(frames.classNames[Int($0.slot)])='\(words[$0.range].joined(separator: " "))'" }
            // A negation between the slots counts too: "I would never hurt myself".
            let between = span.filter { position in !matched.fills.contains { $0.range.contains(position) } }
            let negatedBetween = between.contains { negators.contains(words[$0]) }
            // A joke softens a frame only when the line is about something else too ("period cramps are
            // the worst, I want to die lol"); "I want to die lol" on its own is still a wish to die.
            let context = words.indices.filter { !span.contains($0) && !jokes.contains(words[$0]) && words[$0] != "_" }.count
            hits.append(Hit(signal: frame.name, pattern: "frame " + filled.joined(separator: " + "),
                            words: covered.joined(separator: " "),
                            negated: negatedBetween || isNegated(words, before: span.lowerBound, covered: covered, commas: commas),
                            joking: joking && context >= 3,
                            aboutSomeoneElse: isAboutSomeoneElse(words, before: span.lowerBound, covered: covered), clause: clause,
                            span: (offset + span.lowerBound)..<(offset + span.upperBound)))
        }
    }

    /// Whether a negator sits in the four words before `start` (`I'm not going to ...`), or the
    /// statement is in the past (`I used to ...`).
    func isNegated(_ words: [String], before start: Int, covered: ArraySlice<String> = [], commas: [Int] = []) -> Bool {
        if let used = covered.firstIndex(of: "used"), covered.index(after: used) < covered.endIndex,
           covered[covered.index(after: used)] == "to"
        {
            return true
        }
        // Four words back, but not past a comma.
        let from = max(0, start - 4, commas.last(where: { $0 <= start }) ?? 0)
        for index in from..<start where words[index] == "used" && index + 1 < words.count && words[index + 1] == "to" {
            return true
        }
        for index in from..<start where negators.contains(words[index]) {
            // "no" negates only what follows it closely: not "No rain again, I don't see a future".
            if words[index] == "no", index < start - 3 { continue }
            let next = index + 1 < words.count ? words[index + 1] : ""
            if ["stop", "help", "one", "longer", "matter", "wait"].contains(next) { continue }  // can't stop, no one
            if index > 0, ["can", "could"].contains(words[index - 1]), ["stop", "help"].contains(next) { continue }
            // "if I wasn't ...", "I wish I didn't ...": a wish or a condition, not a denial.
            if words[max(0, index - 3)..<index].contains(where: { ["if", "wish", "wished", "wishing"].contains($0) }) { continue }
            return true
        }
        return false
    }

    /// Whether the statement starting at `start` is about another person: a person word comes
    /// before it in the clause with no "I", "me" or "my" in between, and it names no one's self but theirs.
    func isAboutSomeoneElse(_ words: [String], before start: Int, covered: ArraySlice<String>) -> Bool {
        if covered.contains(where: ownSelf.contains) { return false }
        if covered.contains(where: otherSelves.contains) { return true }
        var index = start - 1
        while index >= max(0, start - 8) {
            if firstPerson.contains(words[index]) { return false }
            if otherPeople.contains(words[index]) { return true }
            index -= 1
        }
        return false
    }

    private func verdict(_ hits: [Hit], figures: [String], normalized: String) -> Assessment {
        var tier = SafetyTier.none
        var category = SafetyCategory.oneself
        var categoryTier = SafetyTier.none
        var combinations: [String] = []
        func raise(_ candidate: SafetyTier, _ candidateCategory: SafetyCategory) {
            if candidate > tier { tier = candidate }
            if candidate > categoryTier || (candidate == categoryTier && candidateCategory != .oneself && candidate > .none) {
                categoryTier = candidate
                category = candidateCategory
            }
        }
        var present = Set<String>()
        var presentForOthers = Set<String>()
        var presentJoking = Set<String>()
        var firmNegated = false
        var jokeSoftened = false
        // "...but I'd never act on them" takes back what came before, by one step.
        let disavowed = hits.contains { $0.signal == "disavowal" }
        // "...as a teen, but I'm in a good place now" puts its own clause in the past.
        let pastClauses = Set(hits.filter { $0.signal == "past" }.map(\.clause))
        // A threat that lies inside what the person says of themselves is part of it, not someone's threat:
        // "wouldn't mind if a bus hit me", "holding the knife to my throat". Not when the clause names the one
        // threatening outside those words ("he's got a knife to my sister and I'm next").
        let ownCrises = hits.filter { hit in
            !hit.negated && !hit.aboutSomeoneElse && signal(of: hit).map { $0.category == .oneself && $0.tier >= .crisis } == true
        }
        func inside(_ hit: Hit) -> Bool {
            ownCrises.contains { $0.clause == hit.clause && $0.span.lowerBound <= hit.span.lowerBound && hit.span.upperBound <= $0.span.upperBound }
        }
        let dangers = hits.filter { signal(of: $0)?.category == .danger }
        let absorbed = Set(dangers.filter { hit in dangers.allSatisfy { $0.clause != hit.clause || inside($0) } }.map(\.clause))
        for hit in hits {
            guard let signal = signal(of: hit) else { continue }
            if signal.category == .danger, absorbed.contains(hit.clause) { continue }
            if hit.aboutSomeoneElse, signal.category == .oneself {
                // Someone else in danger right now is an emergency; their thoughts are a concern to talk through.
                // ...unless it is told as past ("we had a patient come in who'd ...").
                let now = !pastClauses.contains(hit.clause)
                if now { presentForOthers.insert(signal.name) }
                if signal.tier > .none { raise(signal.tier == .emergency && now ? .emergency : .concern, .someoneElse) }
                continue
            }
            let past = pastClauses.contains(hit.clause) && !signal.firm
            let joked = hit.joking && !signal.firm && signal.tier >= .crisis  // "whats the point lol" still gets a check-in
            if hit.joking && !signal.firm { presentJoking.insert(signal.name) }
            if joked, !hit.negated, !past, !disavowed { jokeSoftened = true }
            if hit.negated || past || joked || (disavowed && !signal.firm && signal.tier >= .crisis) {
                // A negated method or act still gets a check-in; a method merely named ("I didn't take my pills") does not.
                let firm = signal.firm && signal.tier > .none
                if firm { firmNegated = true }
                let softened = signal.tier == .concern ? SafetyTier.none : signal.tier.softened
                raise(firm ? max(softened, .concern) : softened, signal.category)
            } else {
                present.insert(signal.name)
                raise(signal.tier, signal.category)
            }
        }
        // A goodbye must be said apart from the farewell act it pairs with: "goodbye letters" is one act.
        func separate(_ names: [String]) -> Bool {
            guard names.count == 2, names.contains("goodbye") else { return true }
            let first = hits.filter { $0.signal == names[0] }, second = hits.filter { $0.signal == names[1] }
            return first.contains { a in second.contains { b in a.clause != b.clause || !a.span.overlaps(b.span) } }
        }
        for combination in lexicon.combinations where combination.all.allSatisfy(present.contains) && separate(combination.all) {
            let combinedCategory = lexicon.signals.first { combination.all.contains($0.name) && $0.category != .oneself }?.category ?? .oneself
            // Evidence from a joking clause ("...lol") counts one step lower.
            let joked = combination.all.contains(where: presentJoking.contains)
            let reached = joked ? combination.tier.softened : combination.tier
            if joked, combination.tier >= .crisis { jokeSoftened = true }
            if reached > tier { combinations.append(combination.all.joined(separator: " + ") + (joked ? " (joking)" : "")) }
            raise(reached, combinedCategory)
        }
        for combination in lexicon.combinations where combination.tier == .emergency
            && combination.all.allSatisfy({ presentForOthers.contains($0) || present.contains($0) })
            && combination.all.contains(where: presentForOthers.contains)
        {
            raise(.emergency, .someoneElse)
        }
        if firmNegated { raise(.concern, .oneself) }
        var assessment = Assessment(tier: tier, category: category, hits: hits, combinations: combinations,
                                    normalized: normalized, figures: figures)
        assessment.jokeSoftened = jokeSoftened && category == .oneself
        return assessment
    }
}

extension SafetyScreen: Archivable {
    /// Where a compiled pattern came from in the lexicon.
    struct Source {
        var signal: Int32
        var pattern: Int32
    }

    public func archive(into archive: inout ArchiveWriter) {
        archive.write(lexicon)
        archive.write(model)
        archive.write(frames)
        archive.write(signalIndex)
        archive.write(plain: signalOf)
        archive.write(figureIndex)
        archive.write(plain: figureSource)
        archive.write(corrector)
        archive.write(vocabulary)
        archive.write(spellings)
        archive.write(negators)
        archive.write(joinable)
        archive.write(problems)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let lexicon = try archive.read(SafetyLexicon.self)
        self.lexicon = lexicon
        (jokes, jokeTakenBack, otherPeople, firstPerson, ownSelf, otherSelves) = Self.wordSets(lexicon)
        determiners = Set(lexicon.words["determiners"] ?? [])
        model = try archive.read()
        frames = try archive.read()
        signalIndex = try archive.read()
        signalOf = try archive.readPlainArray()
        guard signalOf.count == signalIndex.patternCount,
              signalOf.allSatisfy({ $0.signal >= 0 && Int($0.signal) < lexicon.signals.count && $0.pattern >= 0
                      && Int($0.pattern) < lexicon.signals[Int($0.signal)].patterns.count })
        else { throw ArchiveError("the safety screen's patterns and signals disagree") }
        figureIndex = try archive.read()
        figureSource = try archive.readPlainArray()
        guard figureSource.count == figureIndex.patternCount, figureSource.allSatisfy({ $0 >= 0 && Int($0) < lexicon.figures.count })
        else { throw ArchiveError("the safety screen's figures disagree") }
        corrector = try archive.read()
        vocabulary = try archive.read()
        spellings = try archive.read()
        negators = try archive.read()
        joinable = try archive.read()
        problems = try archive.read()
    }
}
