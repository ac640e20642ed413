/// The safety screen's frames, compiled: word classes found in a clause, then combined in order.
///
/// A frame such as `[stance, act]` covers every stance with every act ("want to" + "overdose",
/// "the urge to" + "cut myself") without anyone writing the pair out. The classes and frames
/// come from the lexicon's `classes:` and `frames:`.
struct SafetyFrames: Sendable {
    /// One slot of a frame, compiled.
    struct Slot: Sendable, Equatable {
        /// The class, as a number in ``classNames``.
        var word: Int32
        /// At most this many words may stand between the previous slot and this one.
        var gap: Int32
        /// The words right after the previous slot must not start this class.
        var negative: Bool
    }

    /// A class found in a clause: which class, and the words it covers.
    struct Found: Sendable, Equatable {
        var word: Int32
        var start: Int
        var end: Int
    }

    /// A frame that matched: its number in the lexicon, and the words each positive slot took.
    struct Matched: Sendable {
        var frame: Int
        var fills: [(slot: Int32, range: Range<Int>)]
        var span: Range<Int> { fills.first!.range.lowerBound..<fills.last!.range.upperBound }
    }

    static let defaultGap: Int32 = 3

    let classNames: [String]
    let index: PatternIndex
    /// For each pattern in ``index``: the class it belongs to.
    let classOf: [Int32]
    /// For each frame of the lexicon: its slots, or empty when it names an unknown class.
    let slots: [[Slot]]

    /// Compiles the classes and frames of `lexicon`, adding problems for what can't be used.
    init(lexicon: SafetyLexicon, concepts: inout ConceptTable, vocabulary: inout Set<String>, problems: inout [String]) {
        let names = lexicon.classes.keys.sorted()
        var patterns: [(source: Int32, pattern: Pattern)] = []
        for (number, name) in names.enumerated() {
            for phrase in lexicon.classes[name] ?? [] {
                do {
                    let pattern = try Pattern(phrase)
                    vocabulary.formUnion(pattern.literalWords)
                    patterns.append((Int32(number), pattern.compacted(into: &concepts)))
                } catch {
                    problems.append("class \(name): '\(phrase)': \(error.message)")
                }
            }
        }
        var index = PatternIndex()
        var classOf: [Int32] = []
        for (source, pattern) in patterns {
            do {
                for form in try pattern.linearized(concepts: concepts) where !form.matchesEmpty {
                    index.insert(form, concepts: concepts)
                    classOf.append(source)
                }
            } catch {
                problems.append("class \(names[Int(source)]): '\(pattern.source)': \(error.message)")
            }
        }
        var slots: [[Slot]] = []
        for frame in lexicon.frames {
            var compiled: [Slot] = []
            for text in frame.slots {
                var name = Substring(text)
                let negative = name.hasPrefix("!")
                if negative { name = name.dropFirst() }
                var gap = Self.defaultGap
                if let at = name.firstIndex(of: "@") {
                    gap = Int32(name[name.index(after: at)...]) ?? -1
                    name = name[..<at]
                }
                guard let number = names.firstIndex(of: String(name)), gap >= 0 else {
                    problems.append("frame \(frame.name): slot '\(text)' names no class (or has a bad @gap)")
                    compiled = []
                    break
                }
                compiled.append(Slot(word: Int32(number), gap: gap, negative: negative))
            }
            if compiled.first?.negative ?? false {
                problems.append("frame \(frame.name): the first slot can't be a `!` slot")
                compiled = []
            }
            slots.append(compiled)
        }
        self.classNames = names
        self.index = index
        self.classOf = classOf
        self.slots = slots
    }

    init(classNames: [String], index: PatternIndex, classOf: [Int32], slots: [[Slot]]) {
        self.classNames = classNames
        self.index = index
        self.classOf = classOf
        self.slots = slots
    }

    /// Every class found in `words`, skipping words set aside (`_`).
    func found(in words: [String]) -> [Found] {
        guard index.patternCount > 0 else { return [] }
        let line = index.line(words)
        var out: [Found] = []
        for start in words.indices where words[start] != "_" {
            for match in index.prefixMatches(line, from: start) where match.end > start {
                if words[start..<match.end].contains("_") { continue }
                let item = Found(word: classOf[match.pattern], start: start, end: match.end)
                if !out.contains(item) { out.append(item) }
            }
        }
        return out
    }

    /// The frames that match in `words`: at most one per frame and first word.
    ///
    /// A slot that lets words stand before it never starts right after one of `determiners`: "try the
    /// jumping jacks" is a thing, not an act.
    func matches(in words: [String], determiners: Set<String> = []) -> [Matched] {
        let found = found(in: words)
        guard !found.isEmpty else { return [] }
        let afterDeterminer = { (item: Found) in item.start > 0 && determiners.contains(words[item.start - 1]) }
        var out: [Matched] = []
        for (frame, slots) in slots.enumerated() where !slots.isEmpty {
            var starts = Set<Int>()
            for first in found where first.word == slots[0].word && !starts.contains(first.start) {
                if let rest = complete(slots, from: 1, after: first.end, found: found, afterDeterminer: afterDeterminer) {
                    starts.insert(first.start)
                    out.append(Matched(frame: frame, fills: [(first.word, first.start..<first.end)] + rest))
                }
            }
        }
        return out
    }

    /// The fills for `slots[from...]` when the previous slot ended at `after`, or nil; tries each
    /// candidate in turn, so a frame is found whenever any reading fits.
    private func complete(_ slots: [Slot], from: Int, after: Int, found: [Found], afterDeterminer: (Found) -> Bool)
        -> [(slot: Int32, range: Range<Int>)]?
    {
        // Iterative depth-first search with an explicit stack: frames are short, but data can't make it recurse.
        struct State { var slot: Int; var after: Int; var fills: [(slot: Int32, range: Range<Int>)] }
        var stack = [State(slot: from, after: after, fills: [])]
        while let state = stack.popLast() {
            if state.slot == slots.count { return state.fills }
            let slot = slots[state.slot]
            if slot.negative {
                if !found.contains(where: { $0.word == slot.word && $0.start == state.after }) {
                    stack.append(State(slot: state.slot + 1, after: state.after, fills: state.fills))
                }
                continue
            }
            let limit = state.after + Int(slot.gap)
            for candidate in found.reversed() where candidate.word == slot.word && candidate.start >= state.after
                && candidate.start <= limit && (candidate.start == state.after || !afterDeterminer(candidate))
            {
                stack.append(State(slot: state.slot + 1, after: candidate.end,
                                   fills: state.fills + [(candidate.word, candidate.start..<candidate.end)]))
            }
        }
        return nil
    }
}

extension SafetyFrames: Archivable {
    func archive(into archive: inout ArchiveWriter) {
        archive.write(classNames)
        archive.write(index)
        archive.write(plain: classOf)
        archive.write(slots.count)
        for frame in slots { archive.write(plain: frame) }
    }

    init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let names: [String] = try archive.read()
        let index: PatternIndex = try archive.read()
        let classOf: [Int32] = try archive.readPlainArray()
        guard classOf.count == index.patternCount, classOf.allSatisfy({ $0 >= 0 && Int($0) < names.count }) else {
            throw ArchiveError("the safety frames' classes disagree")
        }
        let count = try archive.readCount(size: MemoryLayout<Int>.size)
        var slots: [[Slot]] = []
        for _ in 0..<count {
            let frame: [Slot] = try archive.readPlainArray()
            guard frame.allSatisfy({ $0.word >= 0 && Int($0.word) < names.count && $0.gap >= 0 }) else {
                throw ArchiveError("a safety frame names a class that isn't there")
            }
            slots.append(frame)
        }
        self.init(classNames: names, index: index, classOf: classOf, slots: slots)
    }
}
