/// A trie over the atoms of many linear patterns, so that matching a line costs about
/// the same with ten patterns as with ten thousand.
///
/// Every pattern that matches is found; the caller ranks them. ``NaiveMatcher`` is the
/// reference this index must agree with.
public struct PatternIndex: Sendable {
    struct Node: Sendable {
        var words: [String: Int32] = [:]
        var concepts: [(id: Int, child: Int32)] = []
        var star: Int32 = -1
        var anyStar: Int32 = -1
        var terminals: [Int32] = []
    }

    private var nodes: [Node] = [Node()]
    /// The patterns in insertion order; a match names its pattern by this position.
    public private(set) var patterns: [LinearPattern] = []
    public let concepts: ConceptTable

    public init(concepts: ConceptTable) { self.concepts = concepts }

    /// Adds `pattern` and returns its number.
    @discardableResult
    public mutating func insert(_ pattern: LinearPattern) -> Int {
        var node = 0
        for atom in pattern.atoms {
            switch atom {
            case .word(let word):
                if let child = nodes[node].words[word] { node = Int(child) } else {
                    let child = appendNode(); nodes[node].words[word] = Int32(child); node = child
                }
            case .concept(let id):
                if let edge = nodes[node].concepts.first(where: { $0.id == id }) { node = Int(edge.child) } else {
                    let child = appendNode(); nodes[node].concepts.append((id, Int32(child))); node = child
                }
            case .star:
                if nodes[node].star < 0 { nodes[node].star = Int32(appendNode()) }
                node = Int(nodes[node].star)
            case .anyStar:
                if nodes[node].anyStar < 0 { nodes[node].anyStar = Int32(appendNode()) }
                node = Int(nodes[node].anyStar)
            }
        }
        nodes[node].terminals.append(Int32(patterns.count))
        patterns.append(pattern)
        return patterns.count - 1
    }

    private mutating func appendNode() -> Int {
        nodes.append(Node())
        return nodes.count - 1
    }

    /// Numbers of the patterns that match all of `words`, in no particular order.
    public func wholeMatches(_ words: [String]) -> [Int] {
        var found: [Int] = []
        nodes.withUnsafeBufferPointer { nodes in
            var walker = Walker(nodes: nodes, concepts: concepts, words: words)
            walker.walk(0, 0, belowWildcard: false) { node, position in
                if position == words.count { found += nodes[node].terminals.map(Int.init) }
            }
        }
        return found
    }

    /// Pattern numbers with the end position of each match that starts at `start`.
    public func prefixMatches(_ words: [String], from start: Int) -> [(pattern: Int, end: Int)] {
        var found: [(Int, Int)] = []
        nodes.withUnsafeBufferPointer { nodes in
            var walker = Walker(nodes: nodes, concepts: concepts, words: words)
            walker.walk(0, start, belowWildcard: false) { node, position in
                for terminal in nodes[node].terminals { found.append((Int(terminal), position)) }
            }
        }
        return found
    }

    /// One walk over the trie for one line. It reads the nodes in place, so the recursion
    /// neither copies nodes nor retains the index.
    private struct Walker {
        let nodes: UnsafeBufferPointer<Node>
        let concepts: ConceptTable
        let words: [String]
        var visited = Visited()

        init(nodes: UnsafeBufferPointer<Node>, concepts: ConceptTable, words: [String]) {
            self.nodes = nodes
            self.concepts = concepts
            self.words = words
        }

        /// Only wildcards and concepts can reach a (node, position) pair twice, so pairs are
        /// recorded only below one.
        mutating func walk(_ nodeID: Int, _ position: Int, belowWildcard: Bool, _ reached: (Int, Int) -> Void) {
            if belowWildcard { guard visited.insert(nodeID &* (words.count + 1) &+ position) else { return } }
            if !nodes[nodeID].terminals.isEmpty { reached(nodeID, position) }
            let anyStar = nodes[nodeID].anyStar
            if anyStar >= 0 {
                for next in position...words.count { walk(Int(anyStar), next, belowWildcard: true, reached) }
            }
            guard position < words.count else { return }
            if let child = nodes[nodeID].words[words[position]] {
                walk(Int(child), position + 1, belowWildcard: belowWildcard, reached)
            }
            if !nodes[nodeID].concepts.isEmpty {
                for edge in nodes[nodeID].concepts {
                    for end in concepts.ends(of: edge.id, in: words, at: position) {
                        walk(Int(edge.child), end, belowWildcard: true, reached)
                    }
                }
            }
            let star = nodes[nodeID].star
            if star >= 0 {
                for next in (position + 1)...words.count { walk(Int(star), next, belowWildcard: true, reached) }
            }
        }
    }

    /// The (node, position) pairs already walked: a small array until there are many.
    struct Visited {
        var few: [Int] = []
        var many: Set<Int>?

        mutating func insert(_ key: Int) -> Bool {
            if many != nil { return many!.insert(key).inserted }
            if few.contains(key) { return false }
            few.append(key)
            if few.count > 32 { many = Set(few) }
            return true
        }
    }
}

/// Tries every pattern on every line: slow, obviously correct, and the reference for ``PatternIndex``.
public struct NaiveMatcher: Sendable {
    public let patterns: [LinearPattern]
    public let concepts: ConceptTable

    public init(patterns: [LinearPattern], concepts: ConceptTable) {
        self.patterns = patterns
        self.concepts = concepts
    }

    /// Numbers of the patterns that match all of `words`, in ascending order.
    public func wholeMatches(_ words: [String]) -> [Int] {
        patterns.indices.filter { matches(patterns[$0].atoms[...], words, 0, wholeLine: true) }
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
