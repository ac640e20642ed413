import Dialogue
import Foundation
import Intents

/// Prints replies as plain text or as one JSON object per input line.
struct Renderer {
    let format: Talk.OutputFormat
    let style: Style

    /// One line of `--format jsonl` output.
    struct Record: Encodable {
        var input: String
        var flow: String?
        var step: String?
        var safety: String
        var category: String
        var say: [String]
        var intent: String?
        var trigger: String?
        var source: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(input, forKey: .input)
            try container.encode(flow, forKey: .flow)
            try container.encode(step, forKey: .step)
            try container.encode(safety, forKey: .safety)
            try container.encode(category, forKey: .category)
            try container.encode(say, forKey: .say)
            try container.encode(intent, forKey: .intent)
            try container.encode(trigger, forKey: .trigger)
            try container.encode(source, forKey: .source)
        }

        enum CodingKeys: String, CodingKey { case input, flow, step, safety, category, say, intent, trigger, source }
    }

    func show(_ reply: Reply, input: String) {
        switch format {
        case .text:
            show(reply.lines, urgent: reply.safety >= .crisis)
        case .jsonl:
            let record = Record(input: Session.clean(input), flow: reply.flow, step: reply.step, safety: reply.safety.description,
                                category: reply.category.rawValue, say: reply.lines, intent: reply.intent,
                                trigger: reply.trigger, source: reply.source)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let data = (try? encoder.encode(record)) ?? Data("{}".utf8)
            Output.write(String(decoding: data, as: UTF8.self) + "\n")
        }
    }

    func show(_ lines: [String], urgent: Bool) {
        guard !lines.isEmpty else { return }
        let text = lines.map { urgent ? style.urgent($0) : style.bot($0) }.joined(separator: "\n")
        Output.write(text + "\n")
    }
}
