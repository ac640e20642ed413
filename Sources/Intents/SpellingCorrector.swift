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
    /// The words that can be suggested, as bytes one after another; word `n` ends where word
    /// `n + 1` starts in ``wordStarts``.
    private var letters: [UInt8] = []
    private var wordStarts: [Int32] = [0]
    /// Hashes of each one-deletion form (and of each word itself), sorted; the words each comes
    /// from are `formWords[formStarts[i]..<formStarts[i + 1]]`, in vocabulary order.
    private var formKeys: [UInt64] = []
    private var formStarts: [Int32] = [0]
    private var formWords: [Int32] = []
    /// One bit per form hash (a Bloom filter): most unknown words are turned away here, cheaply.
    private var bits: [UInt64] = [0]
    /// Hashes of the vocabulary words long enough to be corrected, sorted: such a word is left alone.
    private var known: [UInt64] = []

    public init(vocabulary: Set<String>, minimumLength: Int = 5) {
        self.minimumLength = minimumLength
        var forms: [(hash: UInt64, word: Int32)] = []
        for word in vocabulary.sorted() {
            let bytes = Array(word.utf8)
            if bytes.count >= minimumLength && bytes.count <= Self.longestWord { known.append(Self.hash(bytes, skipping: -1)) }
            guard word.unicodeScalars.count >= minimumLength - 1 else { continue }
            let number = Int32(wordStarts.count - 1)
            letters += bytes
            wordStarts.append(Int32(letters.count))
            var seen = Set<UInt64>()
            for skipping in -1..<bytes.count {
                let hash = Self.hash(bytes, skipping: skipping)
                if seen.insert(hash).inserted { forms.append((hash, number)) }
            }
        }
        known.sort()
        // A stable sort keeps each form's words in vocabulary order.
        forms = forms.enumerated().sorted { ($0.element.hash, $0.offset) < ($1.element.hash, $1.offset) }.map(\.element)
        for form in forms {
            if formKeys.last != form.hash {
                if !formKeys.isEmpty { formStarts.append(Int32(formWords.count)) }
                formKeys.append(form.hash)
            }
            formWords.append(form.word)
        }
        if !formKeys.isEmpty { formStarts.append(Int32(formWords.count)) }
        // About sixteen bits per form, in a power of two of words.
        let wanted = max(1, forms.count / 4)
        bits = [UInt64](repeating: 0, count: 1 << (Int.bitWidth - (wanted - 1).leadingZeroBitCount))
        for form in forms { bits[Int(form.hash >> 6) & (bits.count - 1)] |= 1 << (form.hash & 63) }
    }

    /// Where `key` is in a sorted array, if it is there.
    private static func search(_ keys: [UInt64], for key: UInt64) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? low : nil
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
        if formKeys.isEmpty || length < minimumLength || length > Self.longestWord { return word }
        var copy = word
        return copy.withUTF8 { bytes -> String in
            guard Self.search(known, for: Self.hash(bytes, skipping: -1)) == nil else { return word }
            guard bytes.allSatisfy({ $0 >= 0x80 || Self.isLetter($0) }) else { return word }
            if bytes.contains(where: { $0 >= 0x80 }), !word.allSatisfy(\.isLetter) { return word }
            return letters.withUnsafeBufferPointer { letters in
                func candidate(_ number: Int32) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: letters[Int(wordStarts[Int(number)])..<Int(wordStarts[Int(number) + 1])])
                }
                // Candidates by kind: a letter missing (one longer), extra (one shorter), swapped (same length).
                var missing: [Int32] = [], extra: [Int32] = [], swapped: [Int32] = []
                for skipping in -1..<bytes.count {
                    let hash = Self.hash(bytes, skipping: skipping)
                    guard bits[Int(hash >> 6) & (bits.count - 1)] & (1 << (hash & 63)) != 0,
                          let form = Self.search(formKeys, for: hash)
                    else { continue }
                    for number in formWords[Int(formStarts[form])..<Int(formStarts[form + 1])] {
                        let candidate = candidate(number)
                        guard candidate.first == bytes.first, Self.isTypo(bytes, of: candidate) else { continue }
                        switch candidate.count - bytes.count {
                        case 1: if !missing.contains(number) { missing.append(number) }
                        case -1: if !extra.contains(number) { extra.append(number) }
                        default: if !swapped.contains(number) { swapped.append(number) }
                        }
                    }
                }
                for kind in [missing, extra, swapped] where !kind.isEmpty {
                    return kind.count == 1 ? String(decoding: candidate(kind[0]), as: UTF8.self) : word
                }
                return word
            }
        }
    }

    /// Words longer than this are never corrected.
    static let longestWord = 30

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A letter missing, a letter extra, or two neighbours swapped (compared as UTF-8 bytes).
    static func isTypo(_ typed: UnsafeBufferPointer<UInt8>, of word: UnsafeBufferPointer<UInt8>) -> Bool {
        if abs(typed.count - word.count) == 1 {
            // One insertion apart: skip the first difference in the longer one, the rest must agree.
            let (long, short) = typed.count > word.count ? (typed, word) : (word, typed)
            var index = 0
            while index < short.count, long[index] == short[index] { index += 1 }
            while index < short.count {
                if long[index + 1] != short[index] { return false }
                index += 1
            }
            return true
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

extension SpellingCorrector: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(minimumLength)
        archive.write(plain: letters)
        archive.write(plain: wordStarts)
        archive.write(plain: formKeys)
        archive.write(plain: formStarts)
        archive.write(plain: formWords)
        archive.write(plain: bits)
        archive.write(plain: known)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        minimumLength = try archive.read()
        letters = try archive.readPlainArray()
        wordStarts = try archive.readPlainArray()
        formKeys = try archive.readPlainArray()
        formStarts = try archive.readPlainArray()
        formWords = try archive.readPlainArray()
        bits = try archive.readPlainArray()
        known = try archive.readPlainArray()
        let words = wordStarts.count - 1
        guard words >= 0, wordStarts.first == 0, wordStarts.last.map(Int.init) == letters.count,
              zip(wordStarts, wordStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              formStarts.count == formKeys.count + 1, formStarts.first == 0, formStarts.last.map(Int.init) == formWords.count,
              zip(formStarts, formStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
              formWords.allSatisfy({ $0 >= 0 && Int($0) < words }), bits.count.nonzeroBitCount == 1
        else { throw ArchiveError("a spelling corrector is malformed") }
    }
}
