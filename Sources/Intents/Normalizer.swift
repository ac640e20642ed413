import Foundation

/// One word of normalized input, with the clause it came from.
public struct Token: Equatable, Sendable, CustomStringConvertible {
    /// The folded, lower-case word.
    public var text: String
    /// Which clause (split at `.`, `!`, `?`, `;` and line breaks) the word belongs to.
    public var clause: Int

    public init(_ text: String, clause: Int = 0) {
        self.text = text
        self.clause = clause
    }

    public var description: String { text }
}

/// Turns raw text into comparable tokens: Unicode folding, case, look-alike characters,
/// spaced-out letters, contractions and common shorthand.
///
/// The same normalizer runs on trigger patterns and on what the person types, so both
/// sides always agree on what a word is.
public enum Normalizer {
    /// Normalizes `text` into tokens.
    public static func tokens(_ text: String) -> [Token] {
        let scalars = fold(text)
        var raw: [Token] = []
        raw.reserveCapacity(scalars.count / 4 + 1)
        var clause = 0
        var start = -1  // first scalar of the word being read, or -1
        var skipped: [Int] = []  // dots dropped inside the current word (k.m.s)
        var bytes: [UInt8] = []
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            if scalars[start..<end].allSatisfy(\.isASCII) {
                bytes.removeAll(keepingCapacity: true)
                for index in start..<end where skipped.isEmpty || !skipped.contains(index) { bytes.append(UInt8(scalars[index].value)) }
                raw.append(Token(String(decoding: bytes, as: UTF8.self), clause: clause))
            } else {
                var view = String.UnicodeScalarView()
                for index in start..<end where !skipped.contains(index) { view.append(scalars[index]) }
                raw.append(Token(String(view), clause: clause))
            }
            start = -1
            skipped.removeAll(keepingCapacity: true)
        }
        for (index, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                if start < 0 { start = index }
            } else if scalar == "'" && start >= 0 && index + 1 < scalars.count && isLetter(scalars[index + 1]) {
                continue
            } else if scalar == "." && start >= 0 && index + 1 < scalars.count && isLetter(scalars[index + 1])
                && isLetter(scalars[index - 1]) && isSpelledOut(scalars, around: index)
            {
                skipped.append(index)  // k.m.s -> kms
            } else {
                flush(index)
                switch scalar {
                case ".", "!", "?", ";", "\n", "\r": clause += 1
                default: break
                }
            }
        }
        flush(scalars.count)
        return joinSpelledLetters(raw).flatMap { token in expand(token.text).map { Token($0, clause: token.clause) } }
    }

    /// The words of `text`, normalized, as plain strings.
    public static func words(_ text: String) -> [String] { plainWords(text) ?? tokens(text).map(\.text) }

    /// Normalizes `text` and joins the words with single spaces.
    public static func normalized(_ text: String) -> String { words(text).joined(separator: " ") }

    // MARK: - Folding

    /// Compatibility-folds, maps look-alikes to letters and lower-cases.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        // Plain ASCII, by far the most common input, skips the costly Unicode folding.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        // Format characters (zero-width spaces and joiners, soft hyphens, bidi marks) are invisible:
        // "k\u{200B}ill" is "kill".
        let source = ascii ? Array(text.unicodeScalars)
            : text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { $0.properties.generalCategory != .format }
        func unconfused(_ scalar: Unicode.Scalar) -> Unicode.Scalar { ascii ? scalar : confusables[scalar] ?? scalar }
        for (index, scalar) in source.enumerated() {
            if !ascii, let word = pictographs[scalar] {
                out.append(" ")
                out.append(contentsOf: word.unicodeScalars)
                out.append(" ")
                continue
            }
            var s = unconfused(scalar)
            let previous = out.last
            let previousIsLetter = previous.map(isLetter) ?? false
            let nextIsLetter = index + 1 < source.count && isLetter(unconfused(source[index + 1]))
            if s == "`" || (!ascii && "\u{2018}\u{2019}\u{02BC}\u{00B4}".unicodeScalars.contains(s)) {
                s = "'"
            } else if s == "I", let previous, isLowercase(previous) {
                s = "l"  // kiII -> kill
            } else if let letter = lookAlike(s) {
                // A digit stands for a letter only among letters: not in 14th, 1st or 2024.
                let previousIsDigit = previous.map(isDigit) ?? false
                let nextIsDigit = index + 1 < source.count && isDigit(source[index + 1])
                let ordinal = isDigit(s) && isOrdinalSuffix(source, after: index)
                let inWord = isDigit(s) || s == "$" || s == "@"
                    ? (previousIsLetter || nextIsLetter) && !previousIsDigit && !nextIsDigit && !ordinal
                    : previousIsLetter && nextIsLetter
                if inWord { s = letter }
            }
            out.append(s)
        }
        if ascii {
            return out.map { $0 >= "A" && $0 <= "Z" ? Unicode.Scalar($0.value + 32)! : $0 }
        }
        let lowered = String(String.UnicodeScalarView(out)).lowercased()
        return Array(lowered.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).unicodeScalars)
    }

    /// Whether the digit at `index` is followed by an ordinal ending that closes the word (1st, 3rd, 4th).
    static func isOrdinalSuffix(_ source: [Unicode.Scalar], after index: Int) -> Bool {
        guard index + 2 <= source.count else { return false }
        let suffix = String(String.UnicodeScalarView(source[(index + 1)..<min(source.count, index + 3)])).lowercased()
        let ends = index + 3 >= source.count || !isLetter(source[index + 3])
        return ["st", "nd", "rd", "th"].contains(suffix) && ends
    }

    /// The letter a digit or symbol stands for inside a word (`su1c1de`, `$elf`), if any.
    static func lookAlike(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "0": "o"
        case "1", "!": "i"
        case "3": "e"
        case "4", "@": "a"
        case "5", "$": "s"
        case "7": "t"
        case "|": "l"
        default: nil
        }
    }

    /// Letters from other scripts that look like Latin ones.
    /// Pictures that stand for a method, read as the word they show: "🔫 in my hand" is "gun in my hand".
    static let pictographs: [Unicode.Scalar: String] = [
        "\u{1F52B}": "gun", "\u{1F48A}": "pills", "\u{1F52A}": "knife", "\u{1FAA2}": "rope", "\u{1FA92}": "razor",
        "\u{1FA78}": "blood",
    ]

    static let confusables: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0430}": "a", "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0441}": "c", "\u{0443}": "y",
        "\u{0445}": "x", "\u{0455}": "s", "\u{0456}": "i", "\u{0458}": "j", "\u{04CF}": "l", "\u{0410}": "A", "\u{0415}": "E",
        "\u{041E}": "O", "\u{0420}": "P", "\u{0421}": "C", "\u{041A}": "K", "\u{041C}": "M", "\u{0422}": "T",
        "\u{03BF}": "o", "\u{03B1}": "a", "\u{03B9}": "i", "\u{039F}": "O", "\u{0399}": "I",
        "\u{043A}": "k", "\u{043C}": "m", "\u{0442}": "t", "\u{043D}": "h", "\u{0432}": "b", "\u{0433}": "r",
        "\u{041D}": "H", "\u{0412}": "B", "\u{0425}": "X", "\u{0405}": "S", "\u{0406}": "I",
    ]

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") : CharacterSet.letters.contains(s)
    }
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s >= "a" && s <= "z" : CharacterSet.lowercaseLetters.contains(s)
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isLetter(s) || isDigit(s) }
        return CharacterSet.alphanumerics.contains(s) && !CharacterSet.nonBaseCharacters.contains(s)
    }

    /// True when the dot at `index` sits in a run like `k.m.s`: single letters between dots.
    static func isSpelledOut(_ scalars: [Unicode.Scalar], around index: Int) -> Bool {
        let before = index >= 2 ? isWordScalar(scalars[index - 2]) : false
        let after = index + 2 < scalars.count ? isWordScalar(scalars[index + 2]) : false
        return !before && !after
    }

    // MARK: - Words

    /// Expands one word into its normalized words (contractions, shorthand, repeated letters).
    static func expand(_ raw: String) -> [String] {
        var word = raw
        if word.utf8.count <= longestShorthand, let whole = shorthand[word] { return whole }
        if hasRunOfThree(word) {
            word = squeezeRepeats(word)
            if let whole = shorthand[word] { return whole }
        }
        guard word.utf8.contains(UInt8(ascii: "'")) else { return [word] }
        for (suffix, replacement) in contractionSuffixes where word.hasSuffix(suffix) && word.count > suffix.count {
            let stem = String(word.dropLast(suffix.count))
            // "'d" is "would" or "had" only after a pronoun; after anything else it is a past tense
            // ("OD'd", "SH'd"), kept as its own letter so the stem still reads.
            if suffix == "'d", !wouldStems.contains(stem) { return (shorthand[stem] ?? [stem]) + ["d"] }
            return (shorthand[stem] ?? [stem]) + replacement
        }
        // French and Italian elision: j'ai, m'endormir, n'en, qu'il.
        let parts = word.split(separator: "'", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0].count == 1 || parts[0] == "qu", !parts[1].isEmpty {
            return [parts[0]] + expand(parts[1])
        }
        return [String(word.unicodeScalars.filter { $0 != "'" }.map(Character.init))]
    }

    /// Whether some letter appears three or more times in a row (digits don't count: 1000 stays 1000).
    static func hasRunOfThree(_ word: String) -> Bool {
        var last: UInt8 = 0, run = 0
        for byte in word.utf8 {
            run = byte == last && !(byte >= 0x30 && byte <= 0x39) ? run + 1 : 1
            last = byte
            if run == 3 { return true }
        }
        return false
    }

    /// Collapses three or more of the same letter to two (`diiie` -> `diie`, `killlll` -> `kill`).
    static func squeezeRepeats(_ word: String) -> String {
        var out = ""
        var last: Character?
        var run = 0
        for character in word {
            if character == last && !character.isNumber { run += 1 } else { run = 1; last = character }
            if run <= 2 { out.append(character) }
        }
        return out
    }

    static let contractionSuffixes: [(String, [String])] = [
        ("n't", ["not"]), ("'re", ["are"]), ("'ve", ["have"]), ("'ll", ["will"]), ("'d", ["would"]), ("'m", ["am"]),
        ("'s", []),
    ]

    /// The words after which "'d" stands for "would".
    static let wouldStems: Set<String> = ["i", "you", "he", "she", "we", "they", "it", "that", "who", "there", "what", "where", "how", "why", "y'all", "yall", "u",
                                          "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "noone", "everything", "this"]

    static let longestShorthand = shorthand.keys.map(\.utf8.count).max() ?? 0

    /// One bit per (length, first byte, last byte) of a shorthand word, so most words skip the lookup.
    static let shorthandShapes: [UInt64] = shorthand.keys.reduce(into: [UInt64](repeating: 0, count: 64)) { bits, key in
        let bytes = Array(key.utf8)
        let shape = Normalizer.shape(count: bytes.count, first: bytes[0], last: bytes[bytes.count - 1])
        bits[shape >> 6] |= 1 << UInt64(shape & 63)
    }

    @inline(__always)
    static func shape(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 31 &+ Int(first | 0x20) &* 7 &+ Int(last | 0x20)) & 4095
    }

    /// Whether a word with these bytes might be shorthand (never false for one that is).
    @inline(__always)
    static func mightBeShorthand(count: Int, first: UInt8, last: UInt8) -> Bool {
        let shape = shape(count: count, first: first, last: last)
        return count <= longestShorthand && shorthandShapes[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }

    /// Whole-word shorthand and contractions that do not split at an apostrophe.
    static let shorthand: [String: [String]] = [
        "i'm": ["i", "am"], "im": ["i", "am"], "ima": ["i", "am", "going", "to"], "imma": ["i", "am", "going", "to"],
        "can't": ["can", "not"], "cant": ["can", "not"], "cannot": ["can", "not"], "won't": ["will", "not"],
        "wont": ["will", "not"], "don't": ["do", "not"], "dont": ["do", "not"], "doesnt": ["does", "not"],
        "didnt": ["did", "not"], "isnt": ["is", "not"], "wasnt": ["was", "not"], "werent": ["were", "not"],
        "shouldnt": ["should", "not"], "wouldnt": ["would", "not"], "couldnt": ["could", "not"],
        "havent": ["have", "not"], "aint": ["am", "not"], "ive": ["i", "have"], "id": ["i", "would"],
        "ill": ["i", "will"], "youre": ["you", "are"], "gonna": ["going", "to"], "wanna": ["want", "to"],
        "gotta": ["got", "to"], "tryna": ["trying", "to"], "u": ["you"], "ur": ["your"], "r": ["are"],
        "y'all": ["you", "all"], "let's": ["let", "us"], "it's": ["it", "is"], "that's": ["that", "is"],
        "there's": ["there", "is"], "what's": ["what", "is"], "he's": ["he", "is"], "she's": ["she", "is"],
        "idk": ["i", "do", "not", "know"], "whats": ["what", "is"], "thats": ["that", "is"], "theres": ["there", "is"],
        "hes": ["he", "is"], "hed": ["he", "would"], "itll": ["it", "will"], "youll": ["you", "will"], "theyre": ["they", "are"],
        "wouldve": ["would", "have"], "shouldve": ["should", "have"], "couldve": ["could", "have"], "dunno": ["do", "not", "know"], "pls": ["please"], "plz": ["please"],
        "thx": ["thanks"], "ok": ["okay"], "k": ["okay"], "okey": ["okay"], "yeah": ["yes"], "yep": ["yes"],
        "yup": ["yes"], "yea": ["yes"], "nah": ["no"], "nope": ["no"], "cuz": ["because"],
        "coz": ["because"], "bc": ["because"], "tho": ["though"], "rn": ["right", "now"], "tmrw": ["tomorrow"],
        "2nite": ["tonight"], "tonite": ["tonight"], "2day": ["today"], "ppl": ["people"], "abt": ["about"],
    ]

    /// Joins runs of three or more single letters (`s u i c i d e`, `k m s`) into one word.
    static func joinSpelledLetters(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var index = 0
        while index < tokens.count {
            var end = index
            while end < tokens.count, tokens[end].text.count == 1, tokens[end].text.first!.isLetter,
                tokens[end].clause == tokens[index].clause
            {
                end += 1
            }
            if end - index >= 3 {
                out.append(Token(tokens[index..<end].map(\.text).joined(), clause: tokens[index].clause))
                index = end
            } else {
                out.append(tokens[index])
                index += 1
            }
        }
        return out
    }
}
