/// Numbers for words: a hash table from a word to a small integer.
///
/// Open addressing over one flat array whose slots hold the word, its number and its hash side
/// by side, so a lookup usually reads one slot: one cache miss instead of the three a
/// `Dictionary<String, Int32>` costs, and a cheap FNV-1a hash of the word's bytes.
struct WordTable: Sendable {
    struct Slot: Sendable {
        var word: String
        var hash: UInt32
        /// -1 in an unused slot.
        var number: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        slots = [Slot](repeating: Slot(word: "", hash: 0, number: -1), count: 16)
        shift = 64 - 4
    }

    /// FNV-1a over the UTF-8 bytes of `word`.
    @inline(__always)
    static func hash(_ word: String) -> UInt64 {
        // The bytes in one piece (a small word is copied to the stack), so the loop reads memory.
        var word = word
        return word.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    @inline(__always)
    private func start(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The number of the word whose UTF-8 bytes are `bytes`, or -1: the same as
    /// ``number(of:)`` for a word whose stored form is byte for byte the same, as plain ASCII is.
    func number(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return probe(hash) { $0.utf8.elementsEqual(bytes) }
    }

    /// The number of `word`, or -1.
    func number(of word: String) -> Int32 {
        probe(Self.hash(word)) { $0 == word }
    }

    /// The number of the first word stored under `hash` that `isWord` accepts, or -1: the one probe
    /// both lookups share.
    @inline(__always)
    private func probe(_ hash: UInt64, _ isWord: (String) -> Bool) -> Int32 {
        let short = UInt32(truncatingIfNeeded: hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = start(hash)
            while true {
                let slot = slots[index]
                if slot.number < 0 { return -1 }
                if slot.hash == short && isWord(slot.word) { return slot.number }
                index = (index + 1) & mask
            }
        }
    }

    /// The number of `word`, giving it the next free number if it has none.
    mutating func add(_ word: String) -> Int32 {
        let found = number(of: word)
        if found >= 0 { return found }
        if (count + 1) * 2 > slots.count { grow() }
        let number = Int32(count)
        let hash = Self.hash(word)
        insert(Slot(word: word, hash: UInt32(truncatingIfNeeded: hash), number: number), hash: hash)
        count += 1
        return number
    }

    private mutating func insert(_ slot: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var index = start(hash)
        while slots[index].number >= 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    /// Every word, in number order.
    var words: [String] {
        var words = [String](repeating: "", count: count)
        for slot in slots where slot.number >= 0 { words[Int(slot.number)] = slot.word }
        return words
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(word: "", hash: 0, number: -1), count: old.count * 2)
        shift -= 1
        for slot in old where slot.number >= 0 { insert(slot, hash: Self.hash(slot.word)) }
    }
}

extension WordTable: Archivable {
    /// The slots as they are, so reading them back hashes and probes nothing.
    func archive(into archive: inout ArchiveWriter) {
        archive.write(plain: slots.map(\.number))
        archive.write(plain: slots.map(\.hash))
        archive.write(slots.map(\.word))
    }

    init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let numbers = try archive.readPlainArray(of: Int32.self), hashes = try archive.readPlainArray(of: UInt32.self)
        let words = try archive.read([String].self)
        guard numbers.count >= 16, numbers.count & (numbers.count - 1) == 0, hashes.count == numbers.count,
              words.count == numbers.count
        else { throw ArchiveError("a word table is malformed") }
        var seen = [Bool](repeating: false, count: numbers.count)
        count = 0
        for number in numbers where number >= 0 {
            guard Int(number) < numbers.count, !seen[Int(number)] else { throw ArchiveError("a word table numbers a word twice") }
            seen[Int(number)] = true
            count += 1
        }
        guard count * 2 <= numbers.count, seen[..<count].allSatisfy({ $0 }) else { throw ArchiveError("a word table is malformed") }
        slots = (0..<numbers.count).map { Slot(word: words[$0], hash: hashes[$0], number: numbers[$0]) }
        shift = UInt64(64 - numbers.count.trailingZeroBitCount)
    }
}
