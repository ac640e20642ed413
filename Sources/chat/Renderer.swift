import Dialogue
import Foundation
import Intents

/// Prints replies as plain text or as one JSON object per input line.
struct Renderer {
    let format: Talk.OutputFormat
    let style: Style
    /// The width to wrap lines at, at word boundaries, asked again for every reply so that a
    /// resized window wraps at its new width; nil leaves lines whole (pipes).
    var width: () -> Int? = { nil }

    func show(_ reply: Reply, input: String) {
        switch format {
        case .text:
            show(reply.lines, urgent: reply.safety >= .crisis)
        case .jsonl:
            Output.write(Self.json(reply, input: input) + "\n")
        }
    }

    func show(_ lines: [String], urgent: Bool) {
        guard !lines.isEmpty else { return }
        // Control characters never reach the terminal, whatever a flow or a data file holds.
        let safe = lines.map { FlowText.neutralized($0).text }
        let wrapped = width().map { width in safe.flatMap { Self.wrap($0, width: width) } } ?? safe
        let text = wrapped.map { urgent ? style.urgent($0) : style.bot($0) }.joined(separator: "\n")
        Output.write(text + "\n")
    }

    /// Splits `line` at spaces so no piece is wider than `width` (a longer word stays whole).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard width > 10, line.count > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                pieces.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        pieces.append(current)
        return pieces
    }

    /// One JSON object for one turn, with the keys always in the same order.
    static func json(_ reply: Reply, input: String) -> String {
        let fields: [(String, String)] = [
            ("input", quote(Session.clean(input))), ("flow", quote(reply.flow)), ("step", quote(reply.step)),
            ("safety", quote(reply.safety.description)), ("category", quote(reply.category.rawValue)),
            ("say", "[" + reply.lines.map { quote($0) }.joined(separator: ",") + "]"),
            ("intent", quote(reply.intent)), ("trigger", quote(reply.trigger)), ("source", quote(reply.source)),
            ("route", quote(reply.route)), ("topic", quote(reply.topic)),
            ("offered", "[" + reply.offered.map { quote($0) }.joined(separator: ",") + "]"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal, or null.
    static func quote(_ text: String?) -> String {
        guard let text else { return "null" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value): out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
