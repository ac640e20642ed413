/// Named sets of words and phrases (`~stressed`), shared by every pattern.
public struct ConceptTable: Sendable {
    /// One named set.
    public struct Concept: Sendable {
        public let name: String
        /// Members, each a normalized phrase of one or more words.
        public let phrases: [[String]]
    }

    public private(set) var concepts: [Concept] = []
    private var ids: [String: Int] = [:]

    public init() {}

    /// Builds a table from name -> member phrases.
    public init(_ sets: [String: [String]]) {
        for name in sets.keys.sorted() { define(name, members: sets[name]!) }
    }

    /// Adds (or extends) the concept `name`.
    public mutating func define(_ name: String, members: [String]) {
        let key = name.lowercased()
        var phrases = ids[key].map { concepts[$0].phrases } ?? []
        var seen = Set(phrases)
        for member in members {
            let words = Normalizer.words(member)
            if !words.isEmpty, seen.insert(words).inserted { phrases.append(words) }
        }
        let concept = Concept(name: key, phrases: phrases)
        if let id = ids[key] {
            concepts[id] = concept
        } else {
            ids[key] = concepts.count
            concepts.append(concept)
        }
    }

    /// The id of `name`, if it is defined.
    public func id(of name: String) -> Int? { ids[name.lowercased()] }

    /// Whether a concept called `name` exists.
    public func contains(_ name: String) -> Bool { ids[name.lowercased()] != nil }

    /// The positions just past each member of concept `id` that starts at `position`, trying
    /// every member (for the reference matcher; the index numbers members instead).
    func ends(of id: Int, in words: [String], at position: Int) -> [Int] {
        var ends: [Int] = []
        for phrase in concepts[id].phrases where position + phrase.count <= words.count {
            if words[position..<position + phrase.count].elementsEqual(phrase) {
                ends.append(position + phrase.count)
            }
        }
        return ends
    }

    /// The closest defined name to `name`, for "did you mean" hints.
    public func suggestion(for name: String) -> String? {
        closest(to: name, among: ids.keys.sorted())
    }

    /// Every word that appears in any member.
    public var vocabulary: Set<String> { Set(concepts.flatMap { $0.phrases.flatMap { $0 } }) }
}

/// The candidate nearest to `word` by edit distance, when it is close enough to be a likely typo.
public func closest(to word: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(word, candidate)
        if distance <= max(1, word.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
}

/// Edit distance between two strings, counting a swap of neighbours as one edit.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
        }
    }
    return table[a.count][b.count]
}

extension ConceptTable: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(plain: concepts.count)
        for concept in concepts {
            archive.write(concept.name)
            archive.write(concept.phrases)
        }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let count = try archive.readCount(size: 2)
        concepts.reserveCapacity(count)
        for id in 0..<count {
            let name = try archive.read(String.self)
            let phrases = try archive.read([[String]].self)
            guard phrases.allSatisfy({ !$0.isEmpty }) else { throw ArchiveError("concept '\(name)' has an empty member") }
            concepts.append(Concept(name: name, phrases: phrases))
            ids[name] = id
        }
    }
}
