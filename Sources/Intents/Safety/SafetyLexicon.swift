/// The words and patterns the safety screen looks for, in a form a clinician can read.
///
/// The shipped data file (`Scripts/safety/lexicon.yaml`) extends ``builtIn``; it can add
/// signals but never remove the compiled-in core, so escalation works with no data at all.
public struct SafetyLexicon: Sendable {
    /// A kind of evidence, such as "ideation" or "means", with the patterns that show it.
    public struct Signal: Sendable {
        public var name: String
        /// The tier this signal reaches on its own (`none` when it only counts in combinations).
        public var tier: SafetyTier
        public var category: SafetyCategory
        /// When true, a negation can't bring the message below `concern` (means or an act).
        public var firm: Bool
        /// One line for reviewers: what the signal means.
        public var about: String
        /// Patterns, matched anywhere in a clause.
        public var patterns: [String]

        public init(name: String, tier: SafetyTier, category: SafetyCategory = .oneself, firm: Bool = false, about: String,
                    patterns: [String])
        {
            self.name = name
            self.tier = tier
            self.category = category
            self.firm = firm
            self.about = about
            self.patterns = patterns
        }
    }

    /// Signals that together reach a higher tier than each alone.
    public struct Combination: Sendable {
        public var all: [String]
        public var tier: SafetyTier
        public var about: String

        public init(all: [String], tier: SafetyTier, about: String) {
            self.all = all
            self.tier = tier
            self.about = about
        }
    }

    /// A frame: word classes in order, each within a few words of the one before, in one clause.
    ///
    /// A slot names a class. `class@N` lets at most N words stand before it (3 by default), and
    /// `!class` says the words right after the previous slot must not start a match of that class.
    /// A frame that matches counts like a signal of the same name (tier, category, firmness), so
    /// combinations can name it, and negation and the past soften it like any signal.
    public struct Frame: Sendable {
        public var name: String
        public var slots: [String]
        public var tier: SafetyTier
        public var category: SafetyCategory
        public var firm: Bool
        public var about: String

        public init(name: String, slots: [String], tier: SafetyTier, category: SafetyCategory = .oneself, firm: Bool = false,
                    about: String = "")
        {
            self.name = name
            self.slots = slots
            self.tier = tier
            self.category = category
            self.firm = firm
            self.about = about
        }
    }

    public var signals: [Signal]
    public var combinations: [Combination]
    /// Word classes for the frames: a name and its phrases (in the pattern language).
    public var classes: [String: [String]]
    /// Frames that combine the classes into tiers, so that every stance works with every act.
    public var frames: [Frame]
    /// Figures of speech ("this deadline is killing me"): words they cover are not screened.
    public var figures: [String]
    /// Words that negate what follows them in the same clause.
    public var negators: [String]
    /// Concept sets used by the patterns (`~self`).
    public var concepts: [String: [String]]
    /// Small word lists the screen reads by name: `jokes` ("lol"), `joke-taken-back` (the words
    /// before a joke that take it back: "not lol"), `other-people` (a statement about someone
    /// else: "my friend...") and `first-person` (it is about the person: "I", "me"), and within a
    /// statement `own-self` and `other-selves` ("myself", "herself").
    public var words: [String: [String]]
    /// Known misspellings and slang spellings, mapped to the word they stand for.
    public var spellings: [String: String]
    /// Longer words worth fixing when typed one letter off (`suicde`, `overdoes`).
    public var typoTargets: [String]

    public init(signals: [Signal] = [], combinations: [Combination] = [], figures: [String] = [], negators: [String] = [],
                concepts: [String: [String]] = [:], spellings: [String: String] = [:], typoTargets: [String] = [],
                classes: [String: [String]] = [:], frames: [Frame] = [], words: [String: [String]] = [:])
    {
        self.words = words
        self.signals = signals
        self.classes = classes
        self.frames = frames
        self.combinations = combinations
        self.figures = figures
        self.negators = negators
        self.concepts = concepts
        self.spellings = spellings
        self.typoTargets = typoTargets
    }

    /// FNV-1a (64 bits) of a lexicon file's bytes, to tell whether it is the one ``builtIn`` was made from.
    public static func digest(of bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// This lexicon with everything in `other` added.
    public func adding(_ other: SafetyLexicon) -> SafetyLexicon {
        var merged = self
        for signal in other.signals {
            if let index = merged.signals.firstIndex(where: { $0.name == signal.name }) {
                merged.signals[index].patterns += signal.patterns.filter { !merged.signals[index].patterns.contains($0) }
                merged.signals[index].tier = max(merged.signals[index].tier, signal.tier)
                merged.signals[index].firm = merged.signals[index].firm || signal.firm
            } else {
                merged.signals.append(signal)
            }
        }
        merged.combinations += other.combinations
        merged.figures += other.figures.filter { !merged.figures.contains($0) }
        merged.negators += other.negators.filter { !merged.negators.contains($0) }
        for (name, members) in other.concepts { merged.concepts[name, default: []] += members }
        for (name, list) in other.words {
            merged.words[name, default: []] += list.filter { !(merged.words[name] ?? []).contains($0) }
        }
        merged.spellings.merge(other.spellings) { mine, _ in mine }
        merged.typoTargets += other.typoTargets.filter { !merged.typoTargets.contains($0) }
        for (name, phrases) in other.classes {
            merged.classes[name, default: []] += phrases.filter { !(merged.classes[name] ?? []).contains($0) }
        }
        for frame in other.frames {
            if let index = merged.frames.firstIndex(where: { $0.name == frame.name }) {
                merged.frames[index].tier = max(merged.frames[index].tier, frame.tier)
            } else {
                merged.frames.append(frame)
            }
        }
        return merged
    }
}

extension SafetyLexicon: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(signals)
        archive.write(combinations)
        archive.write(figures)
        archive.write(negators)
        archive.write(concepts)
        archive.write(spellings)
        archive.write(typoTargets)
        archive.write(classes)
        archive.write(frames)
        archive.write(words)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(signals: try archive.read(), combinations: try archive.read(), figures: try archive.read(),
                  negators: try archive.read(), concepts: try archive.read(), spellings: try archive.read(),
                  typoTargets: try archive.read(), classes: try archive.read(), frames: try archive.read(),
                  words: try archive.read())
    }
}

extension SafetyLexicon.Frame: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(slots)
        archive.write(tier)
        archive.write(category)
        archive.write(firm)
        archive.write(about)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(name: try archive.read(), slots: try archive.read(), tier: try archive.read(), category: try archive.read(),
                  firm: try archive.read(), about: try archive.read())
    }
}

extension SafetyLexicon.Signal: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(tier)
        archive.write(category)
        archive.write(firm)
        archive.write(about)
        archive.write(patterns)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(name: try archive.read(), tier: try archive.read(), category: try archive.read(), firm: try archive.read(),
                  about: try archive.read(), patterns: try archive.read())
    }
}

extension SafetyLexicon.Combination: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(all)
        archive.write(tier)
        archive.write(about)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(all: try archive.read(), tier: try archive.read(), about: try archive.read())
    }
}
