/// A trigger pattern: words, `*` (one or more words), `[optional words]`,
/// `(this|that)` alternatives and `~concept` sets.
///
/// Patterns match a whole line of normalized words. `[*]` means "any words or none",
/// so `[*] ~stressed [*]` finds a stress word anywhere in the line.
public struct Pattern: Sendable, Equatable {
    /// One element of a parsed pattern.
    public indirect enum Element: Sendable, Equatable {
        case word(String)
        case concept(String)
        case star
        case anyStar
        case group([[Element]], optional: Bool)
    }

    /// The text the author wrote.
    public let source: String
    /// The parsed elements.
    public let elements: [Element]

    /// Longest pattern accepted, in characters; deeper nesting than ``maximumDepth`` is refused too.
    public static let maximumLength = 2000
    public static let maximumDepth = 16

    /// Parses `source`, or throws a ``PatternError`` that points at the column.
    public init(_ source: String) throws(PatternError) {
        self.source = source
        if source.count > Self.maximumLength {
            throw PatternError(message: "pattern is longer than \(Self.maximumLength) characters", column: Self.maximumLength,
                               hint: "split it into several triggers or use a ~concept")
        }
        var parser = Parser(text: Array(source.unicodeScalars))
        elements = try parser.parseSequence(until: nil)
        if elements.isEmpty {
            throw PatternError(message: "pattern '\(source)' has no words", column: 1,
                               hint: "write at least one word, `*` or `~concept`")
        }
    }

    /// Names of every concept the pattern refers to.
    public var conceptNames: [String] {
        var names: [String] = []
        func walk(_ elements: [Element]) {
            for element in elements {
                switch element {
                case .concept(let name): names.append(name)
                case .group(let alternatives, _): alternatives.forEach(walk)
                default: break
                }
            }
        }
        walk(elements)
        return names
    }

    /// Every literal word the pattern can match.
    public var literalWords: [String] {
        var words: [String] = []
        func walk(_ elements: [Element]) {
            for element in elements {
                switch element {
                case .word(let word): words.append(word)
                case .group(let alternatives, _): alternatives.forEach(walk)
                default: break
                }
            }
        }
        walk(elements)
        return words
    }

    /// This pattern with each group of plain alternatives, such as `(took|swallowed|downed)`,
    /// turned into one concept defined in `concepts`.
    ///
    /// It matches exactly the same lines with far fewer flat forms, so a large lexicon compiles
    /// quickly. Concepts score a little lower than literal words, so triggers, which are ranked,
    /// keep their groups; the safety screen, which is not ranked, compacts its patterns.
    public func compacted(into concepts: inout ConceptTable) -> Pattern {
        func plain(_ alternative: [Element]) -> [String]? {
            var words: [String] = []
            for element in alternative {
                guard case .word(let word) = element else { return nil }
                words.append(word)
            }
            return words.isEmpty ? nil : words
        }
        func compact(_ elements: [Element]) -> [Element] {
            elements.map { element in
                guard case .group(let alternatives, let optional) = element else { return element }
                let phrases = alternatives.map(plain)
                guard alternatives.count > 1, phrases.allSatisfy({ $0 != nil }) else {
                    return .group(alternatives.map(compact), optional: optional)
                }
                let members = phrases.map { $0!.joined(separator: " ") }
                let name = "(" + members.joined(separator: "|") + ")"
                if !concepts.contains(name) { concepts.define(name, members: members) }
                return optional ? .group([[.concept(name)]], optional: true) : .concept(name)
            }
        }
        return Pattern(source: source, elements: compact(elements))
    }

    private init(source: String, elements: [Element]) {
        self.source = source
        self.elements = elements
    }

    /// Expands optional parts and alternatives into flat sequences of atoms.
    public func linearized(concepts: ConceptTable, limit: Int = 512) throws(PatternError) -> [LinearPattern] {
        var results: [[Atom]] = [[]]
        func expand(_ elements: [Element], onto prefixes: [[Atom]]) throws(PatternError) -> [[Atom]] {
            var current = prefixes
            for element in elements {
                switch element {
                case .word(let word): current = current.map { $0 + [.word(word)] }
                case .star: current = current.map { $0 + [.star] }
                case .anyStar: current = current.map { $0 + [.anyStar] }
                case .concept(let name):
                    guard let id = concepts.id(of: name) else {
                        throw PatternError(message: "unknown concept '~\(name)'", column: 1,
                                           hint: concepts.suggestion(for: name).map { "did you mean '~\($0)'?" }
                                               ?? "define it in Scripts/concepts.yaml")
                    }
                    current = current.map { $0 + [.concept(id)] }
                case .group(let alternatives, let optional):
                    var next: [[Atom]] = optional ? current : []
                    for alternative in alternatives {
                        next += try expand(alternative, onto: current)
                        if next.count > limit { break }
                    }
                    current = next
                }
                if current.count > limit {
                    throw PatternError(message: "pattern '\(source.prefix(60))' expands to more than \(limit) forms", column: 1,
                                       hint: "split it into several triggers or use a ~concept")
                }
            }
            return current
        }
        results = try expand(elements, onto: results)
        // Duplicate forms ("[a] [a]") are harmless: every matcher reports each trigger once.
        return results.filter { !$0.isEmpty }.map(LinearPattern.init)
    }
}

/// A problem in a pattern's text.
public struct PatternError: Error, Equatable, Sendable {
    public var message: String
    /// 1-based column inside the pattern text.
    public var column: Int
    public var hint: String?
}

/// One atom of a flattened pattern.
public enum Atom: Hashable, Sendable {
    case word(String)
    case concept(Int)
    case star
    case anyStar
}

/// A pattern with no optional parts or alternatives left.
public struct LinearPattern: Hashable, Sendable {
    public let atoms: [Atom]

    public init(_ atoms: [Atom]) { self.atoms = atoms }

    /// How specific the pattern is: literal words count most, wildcards count against.
    public var specificity: Int {
        atoms.reduce(0) { total, atom in
            switch atom {
            case .word: total + 100
            case .concept: total + 90
            case .star: total - 10
            case .anyStar: total - 5
            }
        }
    }

    /// Whether the pattern can match a line with no words at all.
    public var matchesEmpty: Bool { atoms.allSatisfy { $0 == .anyStar } }
}

/// Recursive-descent parser for the pattern language. It reads Unicode scalars, which compare
/// as cheaply as integers; every character the syntax uses is one scalar.
private struct Parser {
    let text: [Unicode.Scalar]
    var index = 0
    var depth = 0

    mutating func parseSequence(until closer: Unicode.Scalar?) throws(PatternError) -> [Pattern.Element] {
        var alternatives: [[Pattern.Element]] = []
        var current: [Pattern.Element] = []
        while index < text.count {
            let character = text[index]
            if character == " " || character == "\t" { index += 1; continue }
            if let closer, character == closer {
                if current.isEmpty {
                    throw alternatives.isEmpty
                        ? error("empty group", hint: "remove the brackets")
                        : error("empty alternative in group", hint: "remove the extra '|' or write a word there")
                }
                index += 1
                return [.group(alternatives + [current], optional: closer == "]")]
            }
            switch character {
            case "|":
                guard closer != nil else {
                    throw error("'|' outside a group", hint: "put alternatives in parentheses: (this|that)")
                }
                if current.isEmpty { throw error("empty alternative in group", hint: "remove the extra '|' or write a word there") }
                alternatives.append(current)
                current = []
                index += 1
            case "[", "(":
                index += 1
                depth += 1
                defer { depth -= 1 }
                if depth > Pattern.maximumDepth {
                    throw error("groups are nested more than \(Pattern.maximumDepth) deep", hint: "flatten the pattern or split it")
                }
                let inner = try parseSequence(until: character == "[" ? "]" : ")")
                if inner == [.group([[.star]], optional: true)] {
                    // `[*]` next to another wildcard adds nothing but work: `* [*]` is `*`, `[*] [*]` is `[*]`.
                    if current.last != .star && current.last != .anyStar { current.append(.anyStar) }
                } else {
                    current.append(inner[0])
                }
            case "]", ")":
                throw error("unmatched '\(character)'", hint: "remove it or add the opening bracket")
            case "*":
                // `[*] *` is `*` (but `* *` is two or more words, so it stays).
                if current.last == .anyStar { current[current.count - 1] = .star } else { current.append(.star) }
                index += 1
            case "~":
                index += 1
                let name = readWord()
                if name.isEmpty { throw error("'~' must be followed by a concept name", hint: "for example ~stressed") }
                current.append(.concept(name.lowercased()))
            default:
                let word = readWord()
                if word.isEmpty {
                    throw error("unexpected '\(character)'", hint: "patterns use words, *, [optional], (a|b) and ~concept")
                }
                let words = Normalizer.words(word)
                if words.isEmpty {
                    throw PatternError(message: "'\(word)' is not a word", column: index - word.unicodeScalars.count + 1,
                                       hint: "optional parts go in [brackets]; punctuation is ignored in input, so leave it out")
                }
                current += words.map(Pattern.Element.word)
            }
        }
        if let closer {
            throw PatternError(message: "missing '\(closer)'", column: text.count + 1,
                               hint: "close the group that is still open")
        }
        return current
    }

    mutating func readWord() -> String {
        var word = String.UnicodeScalarView()
        while index < text.count, !Self.isSyntax(text[index]) {
            word.append(text[index])
            index += 1
        }
        return String(word)
    }

    /// Characters that end a word in a pattern.
    static func isSyntax(_ character: Unicode.Scalar) -> Bool {
        switch character {
        case " ", "\t", "|", "[", "]", "(", ")", "*", "~": true
        default: false
        }
    }

    func error(_ message: String, hint: String?) -> PatternError {
        PatternError(message: message, column: index + 1, hint: hint)
    }
}
