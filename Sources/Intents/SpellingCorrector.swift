/// Fixes one-letter typos in longer words against a known vocabulary (`stresed` -> `stressed`).
///
/// Only a missing letter, an extra letter or two swapped neighbours count as typos. A changed
/// letter does not: it too often turns one real word into another (`lovely` -> `lonely`).
/// Uses a deletion index: a typo one edit away from a word shares a one-deletion form with it,
/// so lookups cost a few hash probes whatever the size of the vocabulary. The work is done on
/// bytes, so a word that needs no fixing costs no allocation.
public struct SpellingCorrector: Sendable {
    /// Words shorter than this are never corrected: short words collide too easily.
    public let minimumLength: Int
    private let vocabulary: Set<String>
    /// The words that can be suggested, as bytes.
    private var words: [[UInt8]] = []
    private var strings: [String] = []
    /// Hash of each one-deletion form (and of each word itself) -> the words it comes from.
    private var forms: [UInt64: [Int32]] = [:]
    /// One bit per form hash (a Bloom filter): most unknown words are turned away here, cheaply.
    private var bits: [UInt64] = [UInt64](repeating: 0, count: 1 << 14)

    public init(vocabulary: Set<String>, minimumLength: Int = 5) {
        self.vocabulary = vocabulary
        self.minimumLength = minimumLength
        for word in vocabulary.sorted() where word.unicodeScalars.count >= minimumLength - 1 {
            let bytes = Array(word.utf8)
            let number = Int32(words.count)
            words.append(bytes)
            strings.append(word)
            var seen = Set<UInt64>()
            for skipping in -1..<bytes.count {
                let hash = Self.hash(bytes, skipping: skipping)
                if seen.insert(hash).inserted {
                    forms[hash, default: []].append(number)
                    bits[Int(hash >> 6) & (bits.count - 1)] |= 1 << (hash & 63)
                }
            }
        }
    }

    /// FNV-1a over `bytes`, leaving out the byte at `skipping`.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, skipping: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<bytes.count where index != skipping {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        return hash
    }

    static func hash(_ bytes: [UInt8], skipping: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0, skipping: skipping) }
    }

    /// The vocabulary word `word` most likely stands for, or `word` itself.
    ///
    /// A missing letter is the likeliest typo, then an extra letter, then a swap; within the
    /// likeliest kind that fits, an ambiguous word is left alone.
    public func correct(_ word: String) -> String {
        // Nothing to suggest, or a "word" too long to be a typo (and too costly to check: the work grows
        // with the square of its length).
        let length = word.utf8.count
        if forms.isEmpty || length < minimumLength || length > Self.longestWord || vocabulary.contains(word) { return word }
        var copy = word
        return copy.withUTF8 { bytes -> String in
            guard bytes.count >= minimumLength, bytes.allSatisfy({ $0 >= 0x80 || Self.isLetter($0) }) else { return word }
            if bytes.contains(where: { $0 >= 0x80 }), !word.allSatisfy(\.isLetter) { return word }
            // Candidates by kind: a letter missing (one longer), extra (one shorter), swapped (same length).
            var missing: [Int32] = [], extra: [Int32] = [], swapped: [Int32] = []
            for skipping in -1..<bytes.count {
                let hash = Self.hash(bytes, skipping: skipping)
                guard bits[Int(hash >> 6) & (bits.count - 1)] & (1 << (hash & 63)) != 0, let numbers = forms[hash] else { continue }
                for number in numbers {
                    let candidate = words[Int(number)]
                    guard candidate.first == bytes.first, Self.isTypo(bytes, of: candidate) else { continue }
                    switch candidate.count - bytes.count {
                    case 1: if !missing.contains(number) { missing.append(number) }
                    case -1: if !extra.contains(number) { extra.append(number) }
                    default: if !swapped.contains(number) { swapped.append(number) }
                    }
                }
            }
            for kind in [missing, extra, swapped] where !kind.isEmpty {
                return kind.count == 1 ? strings[Int(kind[0])] : word
            }
            return word
        }
    }

    /// Words longer than this are never corrected.
    static let longestWord = 30

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A letter missing, a letter extra, or two neighbours swapped (compared as UTF-8 bytes).
    static func isTypo(_ typed: UnsafeBufferPointer<UInt8>, of word: [UInt8]) -> Bool {
        if abs(typed.count - word.count) == 1 {
            // One insertion apart: skip the first difference in the longer one, the rest must agree.
            return word.withUnsafeBufferPointer { word in
                let (long, short) = typed.count > word.count ? (typed, word) : (word, typed)
                var index = 0
                while index < short.count, long[index] == short[index] { index += 1 }
                while index < short.count {
                    if long[index + 1] != short[index] { return false }
                    index += 1
                }
                return true
            }
        }
        guard typed.count == word.count else { return false }
        var first = -1
        for index in 0..<typed.count where typed[index] != word[index] {
            if first >= 0 {
                return index == first + 1 && typed[first] == word[index] && typed[index] == word[first]
                    && (index + 1..<typed.count).allSatisfy { typed[$0] == word[$0] }
            }
            first = index
        }
        return false
    }
}
