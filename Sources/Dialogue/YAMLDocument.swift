import Foundation
import Yams

/// A YAML file read as a tree of nodes that remember where they were written.
///
/// Readers walk the tree with the helpers here and report problems as ``Diagnostic``s that
/// point at the offending key or value.
struct YAMLDocument {
    let path: String
    let root: Node
    /// Warnings found while reading values, such as control characters removed from text.
    let notes = Notes()

    /// Where ``text(_:what:)`` leaves its warnings.
    final class Notes {
        var warnings: [Diagnostic] = []
    }

    /// Parses `text`; a syntax error becomes a diagnostic with the parser's line and column, and
    /// a file past `limits` one diagnostic saying which limit.
    init(path: String, text: String, limits: YAMLLimits = .data) throws(Diagnostic) {
        self.path = path
        if let problem = limits.problem(in: text, path: path) { throw problem }
        do {
            // Every scalar stays text (no tag guessing). The encoding is given: Yams's default reads the
            // whole environment for each file, which was a fifth of the time spent loading flows.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                throw Diagnostic(path: path, line: 1, column: 1, code: "F001", message: "the file is empty",
                                 hint: "a flow needs at least id, title, triggers, start and steps")
            }
            root = node
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, path: path)
        } catch {
            throw Diagnostic(path: path, line: 1, column: 1, code: "F001", message: "could not read YAML: \(error)")
        }
    }

    /// Reads and parses the file at `path`.
    init(contentsOf path: String, limits: YAMLLimits = .data) throws(Diagnostic) {
        if let problem = limits.sizeProblem(path: path) { throw problem }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(path: path, line: 1, column: 1, code: "F000", message: "can't read the file",
                             hint: "check that it exists and that you may read it")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(path: path, line: 1, column: 1, code: "F001", message: "the file is not valid UTF-8",
                             hint: "save it as UTF-8 text")
        }
        try self.init(path: path, text: text, limits: limits)
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        func make(_ problem: String, _ mark: Mark) -> Diagnostic {
            Diagnostic(path: path, line: max(mark.line, 1), column: max(mark.column, 1), code: "F001",
                       message: "YAML syntax: \(problem)", hint: "check indentation and quoting on this line")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return make(problem, mark)
        case .duplicatedKeysInMapping(let keys, let context):
            return Diagnostic(path: path, line: max(context.mark.line, 1), column: max(context.mark.column, 1),
                              code: "F002", message: "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", "))",
                              hint: "each key may appear once in a mapping; remove or rename the copy")
        default:
            return Diagnostic(path: path, line: 1, column: 1, code: "F001", message: "YAML: \(error)")
        }
    }

    func position(of node: Node) -> SourcePosition {
        let mark = node.mark
        return SourcePosition(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ node: Node, _ code: String, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(at: position(of: node), code: code, message: message, hint: hint)
    }

    /// The pairs of a mapping node, in file order, or a diagnostic.
    func mapping(_ node: Node, what: String) throws(Diagnostic) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "F003", "\(what) must be a mapping of keys to values", hint: "write `key: value` lines")
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw error(key, "F003", "keys must be plain text") }
            pairs.append((name, key, value))
        }
        return pairs
    }

    /// The text of a scalar node.
    func string(_ node: Node, what: String) throws(Diagnostic) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, "F003", "\(what) must be text", hint: "put it in quotes on one line")
        }
        return scalar.string
    }

    /// Text people will see: a scalar with its control characters removed, each removal noted as
    /// a warning at the value (`F033`).
    func text(_ node: Node, what: String) throws(Diagnostic) -> String {
        let (clean, removed) = FlowText.neutralized(try string(node, what: what))
        if !removed.isEmpty {
            var seen: Set<Unicode.Scalar> = []
            let names = removed.filter { seen.insert($0).inserted }.map(FlowText.name)
            notes.warnings.append(error(node, "F033", "\(what) holds the control character\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")); \(names.count == 1 ? "it is" : "they are") removed",
                                        hint: "remove \(names.count == 1 ? "it" : "them"): flow text is shown as plain text"))
            notes.warnings[notes.warnings.count - 1].severity = .warning
        }
        return clean
    }

    /// Like ``strings(_:what:)``, for text people will see (see ``text(_:what:)``).
    func texts(_ node: Node, what: String) throws(Diagnostic) -> [(String, Node)] {
        switch node {
        case .sequence(let sequence):
            var out: [(String, Node)] = []
            for item in sequence { out.append((try text(item, what: what), item)) }
            return out
        default:
            _ = try strings(node, what: what)
            return [(try text(node, what: what), node)]
        }
    }

    /// A scalar or a list of scalars, as a list.
    func strings(_ node: Node, what: String) throws(Diagnostic) -> [(String, Node)] {
        switch node {
        case .scalar(let scalar): return [(scalar.string, node)]
        case .sequence(let sequence):
            var out: [(String, Node)] = []
            for item in sequence { out.append((try string(item, what: "each item of \(what)"), item)) }
            return out
        default:
            throw error(node, "F003", "\(what) must be text or a list of texts")
        }
    }

    /// A list node's items.
    func list(_ node: Node, what: String) throws(Diagnostic) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, "F003", "\(what) must be a list", hint: "start each item with '- '")
        }
        return Array(sequence)
    }

    /// A boolean scalar.
    func bool(_ node: Node, what: String) throws(Diagnostic) -> Bool {
        switch try string(node, what: what).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "F003", "\(what) must be true or false")
        }
    }

    /// Reports keys outside `allowed`, with a did-you-mean hint.
    func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], in what: String) throws(Diagnostic) {
        for pair in pairs where !allowed.contains(pair.key) {
            let suggestion = Intents.closest(to: pair.key, among: allowed)
            throw error(pair.keyNode, "F004", "unknown key '\(pair.key)' in \(what)",
                        hint: suggestion.map { "did you mean '\($0)'?" } ?? "allowed keys: \(allowed.joined(separator: ", "))")
        }
    }
}

import Intents
