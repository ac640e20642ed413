/// A trie over the atoms of many linear patterns, so that matching a line costs about
/// the same with ten patterns as with ten thousand.
///
/// Words are numbered as they are added, and the trie's word edges live in one flat
/// ``EdgeTable``, so walking a line compares integers. Every pattern that matches is found;
/// the caller ranks them. ``NaiveMatcher`` is the reference this index must agree with.
public struct PatternIndex: Sendable {
    /// A trie node. Its concept edges and terminals are linked lists in flat arrays, so a node
    /// is a plain value and walking the trie does no reference counting.
    struct Node: Sendable {
        /// The node's word edge when it has exactly one (most nodes: the inside of a phrase), so
        /// following it needs no table lookup; ``several`` when its edges are in ``edges``; -1 for none.
        var word: Int32 = -1
        var wordChild: Int32 = -1
        var star: Int32 = -1
        var anyStar: Int32 = -1
        /// First and last entries in ``conceptEdges``, or -1: edges are walked in the order they were added.
        var firstConcept: Int32 = -1
        var lastConcept: Int32 = -1
        /// First and last entries in ``terminals``, or -1: patterns are reported in the order they were added.
        var firstTerminal: Int32 = -1
        var lastTerminal: Int32 = -1
    }

    struct ConceptEdge: Sendable {
        var concept: Int32
        var child: Int32
        var next: Int32
    }

    /// A concept member: `count` words from `start` in ``phraseWords``.
    struct Phrase: Sendable {
        var start: Int32
        var count: Int32
        /// Whether the next phrase starts with the same word in the same concept.
        var more: Bool
    }

    struct Terminal: Sendable {
        var pattern: Int32
        var next: Int32
    }

    /// ``Node/word`` when the node's word edges are in ``edges``.
    static let several: Int32 = -2

    /// A line of words as the index numbers them; a word no pattern uses is -1.
    public struct Line: Sendable {
        var numbers: [Int32]
        public var count: Int { numbers.count }

        /// Sets the words in `positions` aside: from now on they match nothing.
        public mutating func setAside(_ positions: Range<Int>) {
            for position in positions { numbers[position] = -1 }
        }
    }

    private var nodes: [Node] = [Node()]
    private var conceptEdges: [ConceptEdge] = []
    private var terminals: [Terminal] = []
    /// (node, word number) -> child node.
    private var edges = EdgeTable()
    private var numbers = WordTable()
    /// (concept id, number of a member's first word) -> the first of the members starting with
    /// it in ``phrases``, which run on while ``Phrase/more`` is set.
    private var conceptStarts = EdgeTable()
    private var phrases: [Phrase] = []
    /// The words of every concept member, one after another.
    private var phraseWords: [Int32] = []
    /// The atoms of every pattern, one after another, as ``code(of:)`` numbers them; a match
    /// names its pattern by its position among ``patternEnds``.
    private var atomCodes: [Int32] = []
    /// Where each pattern's atoms end in ``atomCodes`` (and the next one's start).
    private var patternEnds: [Int32] = []

    /// Concepts whose members are already numbered, by id.
    private var encoded: Set<Int> = []
    /// Word number -> one bit per concept id (modulo 64) with a member starting with that word, so
    /// the walk looks up (concept, word) in ``conceptStarts`` only where it may be there. Made from
    /// ``conceptStarts``; words past its end start no member.
    private var conceptMasks: [UInt64] = []
    /// Node -> one bit per concept id (modulo 64) it has an edge for: with the word's mask, most
    /// nodes' concept edges need not be read at all. Made from the nodes' concept edges.
    private var nodeConceptMasks: [UInt64] = [0]

    /// An empty index. It keeps no concept table: the one a pattern's concepts come from is
    /// given with the pattern, and its members are numbered into the index then.
    public init() {}

    /// Numbers the members of concept `id` the first time a pattern uses it, so an index pays only
    /// for the concepts its own patterns name.
    private mutating func encodeConcept(_ id: Int, from concepts: ConceptTable) {
        guard encoded.insert(id).inserted else { return }
        var groups: [Int32: [[Int32]]] = [:]
        var order: [Int32] = []
        for phrase in concepts.concepts[id].phrases {
            let numbered = phrase.map { number(adding: $0) }
            if groups[numbered[0]] == nil { order.append(numbered[0]) }
            groups[numbered[0], default: []].append(numbered)
        }
        for first in order {
            conceptStarts.set(Int32(id), first, to: Int32(phrases.count))
            Self.mark(&conceptMasks, concept: Int32(id), word: first)
            let group = groups[first]!
            for (number, phrase) in group.enumerated() {
                phrases.append(Phrase(start: Int32(phraseWords.count), count: Int32(phrase.count), more: number < group.count - 1))
                phraseWords += phrase
            }
        }
    }

    private mutating func number(adding word: String) -> Int32 { numbers.add(word) }

    /// Sets the bit of `concept` in the mask of `word`.
    private static func mark(_ masks: inout [UInt64], concept: Int32, word: Int32) {
        guard word >= 0 else { return }
        if Int(word) >= masks.count { masks += [UInt64](repeating: 0, count: Int(word) + 1 - masks.count) }
        masks[Int(word)] |= 1 << UInt64(concept & 63)
    }

    /// Numbers the words of a line once, for any number of matches against it.
    public func line(_ words: [String]) -> Line { Line(numbers: words.map { numbers.number(of: $0) }) }

    /// Numbers the words of a line, giving each word no pattern uses to `corrector` first; a
    /// correction replaces the word in `words`.
    public func line(_ words: inout [String], correcting corrector: borrowing SpellingCorrector) -> Line {
        var numbered = [Int32](repeating: -1, count: words.count)
        // Corrections are gathered and made after the loop, so `words` is copied only when a word
        // is respelled (a write inside the loop would copy it every time).
        var corrections: [(index: Int, word: String)] = []
        for index in words.indices {
            let word = words[index]
            let number = numbers.number(of: word)
            if number >= 0 {
                numbered[index] = number
                continue
            }
            let respelled = corrector.correct(word)
            if respelled != word {
                let number = numbers.number(of: respelled)
                if number >= 0 {
                    corrections.append((index, respelled))
                    numbered[index] = number
                }
            }
        }
        for correction in corrections { words[correction.index] = correction.word }
        return Line(numbers: numbered)
    }

    /// Adds `pattern`, whose concept ids are those of `concepts`, and returns its number. Every
    /// pattern of an index must use the same table.
    @discardableResult
    public mutating func insert(_ pattern: LinearPattern, concepts: ConceptTable) -> Int {
        var node = 0
        for atom in pattern.atoms {
            switch atom {
            case .word(let word):
                let label = number(adding: word)
                let existing = nodes[node].word
                if existing == label {
                    node = Int(nodes[node].wordChild)
                } else if existing == -1 {
                    let child = appendNode()
                    nodes[node].word = label
                    nodes[node].wordChild = Int32(child)
                    node = child
                } else {
                    if existing >= 0 {  // a second word: both edges move to the table
                        edges.set(Int32(node), existing, to: nodes[node].wordChild)
                        nodes[node].word = Self.several
                        nodes[node].wordChild = -1
                    }
                    let child = edges.value(Int32(node), label)
                    if child >= 0 { node = Int(child) } else {
                        let child = appendNode(); edges.set(Int32(node), label, to: Int32(child)); node = child
                    }
                }
            case .concept(let id):
                encodeConcept(id, from: concepts)
                var edge = nodes[node].firstConcept
                while edge >= 0 && conceptEdges[Int(edge)].concept != Int32(id) { edge = conceptEdges[Int(edge)].next }
                if edge >= 0 { node = Int(conceptEdges[Int(edge)].child) } else {
                    let child = appendNode()
                    conceptEdges.append(ConceptEdge(concept: Int32(id), child: Int32(child), next: -1))
                    let added = Int32(conceptEdges.count - 1)
                    if nodes[node].lastConcept >= 0 { conceptEdges[Int(nodes[node].lastConcept)].next = added } else {
                        nodes[node].firstConcept = added
                    }
                    nodes[node].lastConcept = added
                    nodeConceptMasks[node] |= 1 << UInt64(id & 63)
                    node = child
                }
            case .star:
                if nodes[node].star < 0 { nodes[node].star = Int32(appendNode()) }
                node = Int(nodes[node].star)
            case .anyStar:
                if nodes[node].anyStar < 0 { nodes[node].anyStar = Int32(appendNode()) }
                node = Int(nodes[node].anyStar)
            }
        }
        for atom in pattern.atoms { atomCodes.append(code(of: atom)) }
        terminals.append(Terminal(pattern: Int32(patternCount), next: -1))
        let added = Int32(terminals.count - 1)
        if nodes[node].lastTerminal >= 0 { terminals[Int(nodes[node].lastTerminal)].next = added } else {
            nodes[node].firstTerminal = added
        }
        nodes[node].lastTerminal = added
        patternEnds.append(Int32(atomCodes.count))
        return patternCount - 1
    }

    /// How many patterns the index holds.
    public var patternCount: Int { patternEnds.count }

    /// The patterns in insertion order, rebuilt from their codes (for checks and tools; matching
    /// never needs them).
    public var patterns: [LinearPattern] {
        let words = numbers.words
        var start = 0
        return patternEnds.map { end in
            defer { start = Int(end) }
            return LinearPattern(atomCodes[start..<Int(end)].map { code in
                switch code {
                case -1: .star
                case -2: .anyStar
                case ..<0: .concept(Int(-3 - code))
                default: .word(words[Int(code)])
                }
            })
        }
    }

    /// An atom as a number: a word's number, -1 for `*`, -2 for `[*]`, -3 - id for a concept.
    /// The word must already be numbered.
    private func code(of atom: Atom) -> Int32 {
        switch atom {
        case .word(let word): numbers.number(of: word)
        case .concept(let id): -3 - Int32(id)
        case .star: -1
        case .anyStar: -2
        }
    }

    private mutating func appendNode() -> Int {
        nodes.append(Node())
        nodeConceptMasks.append(0)
        return nodes.count - 1
    }

    /// Numbers of the patterns that match all of `words`, in no particular order.
    public func wholeMatches(_ words: [String]) -> [Int] { wholeMatches(line(words)) }

    /// Numbers of the patterns that match all of `line`, in no particular order.
    public func wholeMatches(_ line: Line) -> [Int] { walk(line, from: 0, wholeLine: true).map(\.pattern) }

    /// Pattern numbers with the end position of each match that starts at `start`.
    public func prefixMatches(_ words: [String], from start: Int) -> [(pattern: Int, end: Int)] {
        prefixMatches(line(words), from: start)
    }

    /// Pattern numbers with the end position of each match in `line` that starts at `start`.
    public func prefixMatches(_ line: Line, from start: Int) -> [(pattern: Int, end: Int)] {
        walk(line, from: start, wholeLine: false)
    }

    /// Every (pattern, end) of a match that starts at `start` (and ends at the end of the line,
    /// if `wholeLine`), in the order of a depth-first walk.
    private func walk(_ line: Line, from start: Int, wholeLine: Bool) -> [(pattern: Int, end: Int)] {
        nodes.withUnsafeBufferPointer { nodes in
            conceptEdges.withUnsafeBufferPointer { conceptEdges in
                terminals.withUnsafeBufferPointer { terminals in
                    edges.withView { edges in
                        conceptStarts.withView { conceptStarts in
                            phrases.withUnsafeBufferPointer { phrases in
                                phraseWords.withUnsafeBufferPointer { phraseWords in
                                    line.numbers.withUnsafeBufferPointer { words in
                                      conceptMasks.withUnsafeBufferPointer { conceptMasks in
                                        nodeConceptMasks.withUnsafeBufferPointer { nodeConceptMasks in
                                        withUnsafeTemporaryAllocation(of: Int.self, capacity: Visited.fewest) { few in
                                            withUnsafeTemporaryAllocation(of: Walker.Step.self, capacity: Walker.Stack.fewest) { steps in
                                                let walker = Walker(nodes: nodes, conceptEdges: conceptEdges, terminals: terminals,
                                                                    edges: edges, conceptStarts: conceptStarts, phrases: phrases,
                                                                    phraseWords: phraseWords, words: words, conceptMasks: conceptMasks,
                                                                    nodeConceptMasks: nodeConceptMasks)
                                                var visited = Visited(few: few)
                                                return walker.walk(from: start, wholeLine: wholeLine, visited: &visited, steps: steps)
                                            }
                                        }
                                        }
                                      }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One walk over the trie for one line. It reads the index's storage in place and keeps
    /// its own stack, so it neither copies nor retains anything.
    private struct Walker {
        let nodes: UnsafeBufferPointer<Node>
        let conceptEdges: UnsafeBufferPointer<ConceptEdge>
        let terminals: UnsafeBufferPointer<Terminal>
        let edges: EdgeTable.View
        let conceptStarts: EdgeTable.View
        let phrases: UnsafeBufferPointer<Phrase>
        let phraseWords: UnsafeBufferPointer<Int32>
        let words: UnsafeBufferPointer<Int32>
        let conceptMasks: UnsafeBufferPointer<UInt64>
        let nodeConceptMasks: UnsafeBufferPointer<UInt64>

        /// Whether a node leads nowhere: only its terminals count, and only at the end of the line.
        @inline(__always)
        func isLeaf(_ node: Int32) -> Bool {
            let node = nodes[Int(node)]
            return node.word == -1 && node.firstConcept < 0 && node.star < 0 && node.anyStar < 0
        }

        /// A (node, position) pair still to walk.
        struct Step {
            var node: Int32
            var position: Int32
            /// Only wildcards and concepts can reach a pair twice, so pairs are recorded only below one.
            var belowWildcard: Bool
        }

        /// The steps still to walk, in memory the walk owns: pushing and popping never touch a
        /// reference count. It starts in a small buffer on the stack and moves to the heap only
        /// when a walk needs more.
        struct Stack: ~Copyable {
            static let fewest = 64
            private var base: UnsafeMutablePointer<Step>
            private var capacity: Int
            /// Whether `base` was allocated here (and is freed here).
            private var owned = false
            private(set) var count = 0

            init(in buffer: UnsafeMutableBufferPointer<Step>) {
                capacity = buffer.count
                base = buffer.baseAddress!
            }

            deinit { if owned { base.deallocate() } }

            mutating func push(_ step: Step) {
                if count == capacity {
                    let bigger = UnsafeMutablePointer<Step>.allocate(capacity: capacity * 2)
                    bigger.moveInitialize(from: base, count: count)
                    if owned { base.deallocate() }
                    base = bigger
                    owned = true
                    capacity *= 2
                }
                (base + count).initialize(to: step)
                count += 1
            }

            mutating func pop() -> Step? {
                guard count > 0 else { return nil }
                count -= 1
                return (base + count).move()
            }

            /// Reverses the steps from `first` to the top.
            mutating func reverse(from first: Int) {
                var low = first, high = count - 1
                while low < high {
                    swap(&base[low], &base[high])
                    low += 1
                    high -= 1
                }
            }
        }

        func walk(from start: Int, wholeLine: Bool, visited: inout Visited,
                  steps: UnsafeMutableBufferPointer<Step>) -> [(pattern: Int, end: Int)] {
            var found: [(pattern: Int, end: Int)] = []
            var stack = Stack(in: steps)
            stack.push(Step(node: 0, position: Int32(start), belowWildcard: false))
            while let step = stack.pop() {
                let nodeID = Int(step.node), position = Int(step.position)
                if step.belowWildcard { guard visited.insert(nodeID &* (words.count + 1) &+ position) else { continue } }
                let node = nodes[nodeID]
                if !wholeLine || position == words.count {
                    var terminal = node.firstTerminal
                    while terminal >= 0 {
                        found.append((Int(terminals[Int(terminal)].pattern), position))
                        terminal = terminals[Int(terminal)].next
                    }
                }
                // Children are pushed in the order a recursive walk would visit them, then
                // reversed, so they come off the stack in that order.
                let first = stack.count
                if node.anyStar >= 0 {
                    // A wildcard that ends a pattern, matching a whole line, can only end at the end
                    // of the line: the positions before it would find nothing.
                    if wholeLine && isLeaf(node.anyStar) {
                        stack.push(Step(node: node.anyStar, position: Int32(words.count), belowWildcard: true))
                    } else {
                        for next in position...words.count { stack.push(Step(node: node.anyStar, position: Int32(next), belowWildcard: true)) }
                    }
                }
                if position < words.count {
                    let word = words[position]
                    if word >= 0 {
                        let child = node.word == word ? node.wordChild
                            : node.word == PatternIndex.several ? edges.value(Int32(nodeID), word) : -1
                        if child >= 0 { stack.push(Step(node: child, position: Int32(position + 1), belowWildcard: step.belowWildcard)) }
                        // A word that starts no concept member skips the node's concept edges.
                        let mask = (Int(word) < conceptMasks.count ? conceptMasks[Int(word)] : 0) & nodeConceptMasks[nodeID]
                        var edge = mask == 0 ? -1 : node.firstConcept
                        while edge >= 0 {
                            let concept = conceptEdges[Int(edge)]
                            edge = concept.next
                            // No member of this concept starts with this word: nothing to look up.
                            guard mask & (1 << UInt64(concept.concept & 63)) != 0 else { continue }
                            var number = Int(conceptStarts.value(concept.concept, word))
                            while number >= 0 {
                                let phrase = phrases[number]
                                number = phrase.more ? number + 1 : -1
                                let count = Int(phrase.count), start = Int(phrase.start)
                                guard position + count <= words.count else { continue }
                                var same = true
                                for offset in 1..<max(1, count) where words[position + offset] != phraseWords[start + offset] {
                                    same = false
                                    break
                                }
                                if same { stack.push(Step(node: concept.child, position: Int32(position + count), belowWildcard: true)) }
                            }
                        }
                    }
                    if node.star >= 0 {
                        if wholeLine && isLeaf(node.star) {
                            stack.push(Step(node: node.star, position: Int32(words.count), belowWildcard: true))
                        } else {
                            for next in (position + 1)...words.count {
                                stack.push(Step(node: node.star, position: Int32(next), belowWildcard: true))
                            }
                        }
                    }
                }
                stack.reverse(from: first)
            }
            return found
        }
    }

    /// The (node, position) pairs already walked: a small open-addressing table on the stack
    /// until there are many, then a set.
    struct Visited {
        /// Slots in the table on the stack (a power of two); it is used until half full.
        static let fewest = 128
        /// -1 in an empty slot.
        let few: UnsafeMutableBufferPointer<Int>
        var count = 0
        var many: Set<Int>?

        init(few: UnsafeMutableBufferPointer<Int>) {
            few.initialize(repeating: -1)
            self.few = few
        }

        /// Records `key` (never negative); false when it was there already.
        @inline(__always)
        mutating func insert(_ key: Int) -> Bool {
            if many != nil { return many!.insert(key).inserted }
            let mask = few.count - 1
            var index = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 57) & mask
            while few[index] >= 0 {
                if few[index] == key { return false }
                index = (index + 1) & mask
            }
            if count < few.count / 2 {
                few[index] = key
                count += 1
            } else {
                many = Set(few.filter { $0 >= 0 })
                many!.insert(key)
            }
            return true
        }
    }
}

extension PatternIndex: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(plain: nodes)
        archive.write(plain: conceptEdges)
        archive.write(plain: terminals)
        archive.write(edges)
        archive.write(numbers)
        archive.write(conceptStarts)
        archive.write(plain: phrases)
        archive.write(plain: phraseWords)
        archive.write(plain: atomCodes)
        archive.write(plain: patternEnds)
        archive.write(encoded)
    }

    /// Reads back an index archived with ``archive(into:)``. Every number in it is checked,
    /// because the walk reads its storage without bounds checks.
    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        nodes = try archive.readPlainArray()
        conceptEdges = try archive.readPlainArray()
        terminals = try archive.readPlainArray()
        edges = try archive.read()
        numbers = try archive.read()
        conceptStarts = try archive.read()
        phrases = try archive.readPlainArray()
        phraseWords = try archive.readPlainArray()
        atomCodes = try archive.readPlainArray()
        patternEnds = try archive.readPlainArray()
        encoded = try archive.read()
        guard isWellFormed else { throw ArchiveError("a pattern index refers to something it does not have") }
        // A word number past the word table's end would make the mask table that long (a damaged archive
        // once asked for 14 GB here).
        var masks: [UInt64] = []
        var outside = false
        let words = numbers.count
        conceptStarts.forEachKey { concept, word in
            if word >= words { outside = true } else { Self.mark(&masks, concept: concept, word: word) }
        }
        guard !outside else { throw ArchiveError("a pattern index's concept starts name a word it does not have") }
        conceptMasks = masks
        var nodeMasks: [UInt64] = []
        nodeMasks.reserveCapacity(nodes.count)
        for node in nodes {
            var mask: UInt64 = 0
            var edge = node.firstConcept, steps = 0
            while edge >= 0 {
                steps += 1
                guard steps <= conceptEdges.count else { throw ArchiveError("a pattern index's concept edges run in a circle") }
                mask |= 1 << UInt64(conceptEdges[Int(edge)].concept & 63)
                edge = conceptEdges[Int(edge)].next
            }
            nodeMasks.append(mask)
        }
        nodeConceptMasks = nodeMasks
    }

    /// Whether every node, edge, terminal and phrase refers only to things that exist.
    private var isWellFormed: Bool {
        func within(_ value: Int32, _ count: Int, orNone: Bool = true) -> Bool {
            (orNone && value == -1) || (value >= 0 && Int(value) < count)
        }
        let words = numbers.count
        // Concept ids are only ever keys (of concept edges and ``conceptStarts``), never positions.
        guard !nodes.isEmpty else { return false }
        for node in nodes {
            let word = node.word == Self.several || within(node.word, words)
            guard word, within(node.wordChild, nodes.count), within(node.star, nodes.count), within(node.anyStar, nodes.count),
                  within(node.firstConcept, conceptEdges.count), within(node.lastConcept, conceptEdges.count),
                  within(node.firstTerminal, terminals.count), within(node.lastTerminal, terminals.count)
            else { return false }
        }
        for edge in conceptEdges {
            guard edge.concept >= 0, within(edge.child, nodes.count, orNone: false),
                  within(edge.next, conceptEdges.count)
            else { return false }
        }
        var start: Int32 = 0
        for end in patternEnds {
            guard end >= start, Int(end) <= atomCodes.count else { return false }
            start = end
        }
        guard Int(start) == atomCodes.count,
              atomCodes.allSatisfy({ $0 < -2 || $0 == -2 || within($0, words) })
        else { return false }
        for terminal in terminals {
            guard within(terminal.pattern, patternCount, orNone: false), within(terminal.next, terminals.count) else { return false }
        }
        for (number, phrase) in phrases.enumerated() {
            guard phrase.count > 0, phrase.start >= 0, Int(phrase.start) + Int(phrase.count) <= phraseWords.count,
                  !phrase.more || number + 1 < phrases.count
            else { return false }
        }
        return phraseWords.allSatisfy { within($0, words, orNone: false) }
            && edges.allValues { within($0, nodes.count, orNone: false) }
            && conceptStarts.allValues { within($0, phrases.count, orNone: false) }
    }
}
