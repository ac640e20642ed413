extension Normalizer {
    /// The normalized words of a plain line, read straight from its bytes, or nil when the
    /// line needs the full normalizer.
    ///
    /// "Plain" means ASCII with none of the things the full path rewrites: apostrophes,
    /// look-alike symbols, digits touching letters, letters spelled out one at a time, runs of
    /// three equal letters, a capital I after a small letter, or a dot or `!` inside a word. A
    /// property test checks that both paths agree.
    static func plainWords(_ text: String) -> [String]? {
        var utf8 = text
        return utf8.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            words.reserveCapacity(bytes.count / 4 + 2)
            var start = -1
            var singleLetters = 0
            func flush(_ end: Int) -> Bool {
                guard start >= 0 else { return true }
                defer { start = -1 }
                if end - start == 1, isASCIILetter(bytes[start]) {
                    singleLetters += 1
                    if singleLetters >= 3 { return false }
                } else {
                    singleLetters = 0
                }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let string: String
                if slice.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                    string = String(decoding: slice.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
                } else {
                    string = String(decoding: slice, as: UTF8.self)
                }
                if mightBeShorthand(count: slice.count, first: slice[0], last: slice[slice.count - 1]), let whole = shorthand[string] {
                    words += whole
                } else {
                    words.append(string)
                }
                return true
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let previous = index > 0 ? bytes[index - 1] : 0
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if byte >= 0x80 { return nil }
                if isASCIILetter(byte) {
                    if byte == UInt8(ascii: "I"), previous >= UInt8(ascii: "a"), previous <= UInt8(ascii: "z") { return nil }
                    if isASCIIDigit(previous) { return nil }
                    if index >= 2, byte | 0x20 == previous | 0x20, byte | 0x20 == bytes[index - 2] | 0x20 { return nil }
                    if start < 0 { start = index }
                } else if isASCIIDigit(byte) {
                    if isASCIILetter(previous) { return nil }
                    if start < 0 { start = index }
                } else {
                    switch byte {
                    case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "$"), UInt8(ascii: "@"):
                        return nil
                    case UInt8(ascii: "!"), UInt8(ascii: "."):
                        if isASCIILetter(next) || isASCIIDigit(next) { return nil }
                    default: break
                    }
                    if !flush(index) { return nil }
                }
            }
            return flush(bytes.count) ? words : nil
        }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
