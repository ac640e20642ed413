import CYaml
import Foundation

/// How much a YAML file may hold, checked before it is built into nodes.
///
/// Reading goes through libyaml's events first, which costs one linear pass and never expands
/// an alias. A file past a limit gets one diagnostic (`F031`, `F032`) and is skipped, so an alias
/// bomb or a 50 MB flow can't hang the program or fill its memory.
struct YAMLLimits: Sendable {
    /// Largest file, in bytes.
    var bytes: Int
    /// Most scalars, lists and mappings in the file.
    var nodes: Int
    /// Deepest nesting of lists and mappings.
    var depth: Int
    /// Whether `*name` aliases may be used. They are refused in flows: one line can stand for
    /// billions of copies.
    var allowsAliases: Bool

    /// For flow files: many times the largest shipped flow.
    static let flow = YAMLLimits(bytes: 512 * 1024, nodes: 50_000, depth: 32, allowsAliases: false)
    /// For the other data files (concepts, lists, the safety lexicon, the crisis lines).
    static let data = YAMLLimits(bytes: 8 * 1024 * 1024, nodes: 1_000_000, depth: 32, allowsAliases: false)

    /// The first problem with `text` against these limits, or nil when it may be composed.
    /// Syntax errors libyaml finds here are reported too, at their line and column.
    func problem(in text: String, path: String) -> Diagnostic? {
        var utf8 = Array(text.utf8)
        if utf8.count > bytes { return tooLarge(utf8.count, path: path) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return utf8.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var count = 0
            var level = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return Self.syntax(parser, text: buffer, path: path) }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                func at(_ code: String, _ message: String, hint: String) -> Diagnostic {
                    Diagnostic(path: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1, code: code, message: message, hint: hint)
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT where !allowsAliases:
                    return at("F032", "YAML aliases (*name) aren't allowed in this file",
                              hint: "write the value out in full where it is used")
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    level += 1
                    count += 1
                    if level > depth {
                        return at("F031", "lists and mappings are nested more than \(depth) deep", hint: "flatten the structure")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    level -= 1
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                    count += 1
                default:
                    break
                }
                if count > nodes {
                    return at("F031", "the file has more than \(nodes) values", hint: "split it into several smaller files")
                }
            }
        }
    }

    /// The file at `path` is too big to read, or nil; asks the file system, without reading it.
    func sizeProblem(path: String) -> Diagnostic? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > bytes else { return nil }
        return tooLarge(Int(info.st_size), path: path)
    }

    private func tooLarge(_ size: Int, path: String) -> Diagnostic {
        Diagnostic(path: path, line: 1, column: 1, code: "F031", message: "the file is \(size) bytes; the most allowed is \(bytes)",
                   hint: "split it into several smaller files")
    }

    /// libyaml's own error, at its line and column, with any character it names written as U+XXXX
    /// so that a control character in the file never reaches the terminal.
    private static func syntax(_ parser: yaml_parser_t, text: UnsafeMutableBufferPointer<UInt8>, path: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        var line = Int(parser.problem_mark.line) + 1
        var column = Int(parser.problem_mark.column) + 1
        var message = "YAML syntax: " + FlowText.visible(problem)
        if parser.error == YAML_READER_ERROR {
            // A reader error gives a byte offset and no line: count the lines up to it.
            let offset = min(max(Int(parser.problem_offset), 0), text.count)
            let before = text[..<offset]
            line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            column = String(decoding: text[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            if parser.problem_value >= 0 {
                message += String(format: " (U+%04X)", Int(parser.problem_value))
            }
        }
        return Diagnostic(path: path, line: line, column: column, code: "F001", message: message,
                          hint: parser.error == YAML_READER_ERROR ? "remove it: flow files can't hold control characters"
                              : "check indentation and quoting on this line")
    }
}
