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
        var visited = Set<Int>()
        walk(0, 0, words, &visited) { node, position in
            if position == words.count { found += node.terminals.map(Int.init) }
        }
        return found
    }

    /// Pattern numbers with the end position of each match that starts at `start`.
    public func prefixMatches(_ words: [String], from start: Int) -> [(pattern: Int, end: Int)] {
        var found: [(Int, Int)] = []
        var visited = Set<Int>()
        walk(0, start, words, &visited) { node, position in
            for terminal in node.terminals { found.append((Int(terminal), position)) }
        }
        return found
    }

    private func walk(_ nodeID: Int, _ position: Int, _ words: [String], _ visited: inout Set<Int>,
                      _ reached: (Node, Int) -> Void)
    {
        guard visited.insert(nodeID &* (words.count + 1) &+ position).inserted else { return }
        let node = nodes[nodeID]
        reached(node, position)
        if node.anyStar >= 0 {
            for next in position...words.count { walk(Int(node.anyStar), next, words, &visited, reached) }
        }
        guard position < words.count else { return }
        if let child = node.words[words[position]] { walk(Int(child), position + 1, words, &visited, reached) }
        for edge in node.concepts {
            for end in concepts.ends(of: edge.id, in: words, at: position) {
                walk(Int(edge.child), end, words, &visited, reached)
            }
        }
        if node.star >= 0 {
            for next in (position + 1)...words.count { walk(Int(node.star), next, words, &visited, reached) }
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
