import ArgumentParser
import Dialogue

/// `chat graph`: draws a flow as Graphviz dot or Mermaid.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a flow's steps, branches and ends as a graph (dot or mermaid).",
        discussion: "Render dot with Graphviz: chat graph reframe | dot -Tsvg > reframe.svg. A dashed edge marks where the safety screen can interrupt: every step that waits for the person.")

    @Argument(help: "The id of the flow to draw.")
    var flow: String

    @Option(help: "dot or mermaid.")
    var format: GraphFormat = .dot

    @OptionGroup var library: LibraryOptions

    enum GraphFormat: String, ExpressibleByArgument, CaseIterable { case dot, mermaid }

    func run() throws {
        let library = self.library.load(includeUserFolderByDefault: true, quiet: true)
        guard let flow = library.flows[flow] else {
            throw ValidationError("no flow '\(self.flow)'; flows: \(library.order.joined(separator: ", "))")
        }
        Output.write(FlowGraph(flow: flow).render(format))
    }
}

/// Turns a flow into graph text.
struct FlowGraph {
    let flow: Flow

    struct Edge {
        var from: String
        var to: String
        var label: String?
    }

    var edges: [Edge] {
        var edges: [Edge] = [Edge(from: "start", to: flow.start.value, label: nil)]
        for id in flow.stepOrder {
            let step = flow.steps[id]!
            switch step.expectation {
            case .yesNo(let yes, let no, let unsure)?:
                edges.append(Edge(from: id, to: yes.value, label: "yes"))
                edges.append(Edge(from: id, to: no.value, label: "no"))
                if let unsure { edges.append(Edge(from: id, to: unsure.value, label: "not sure")) }
            case .choices(let choices)?:
                edges += choices.map { Edge(from: id, to: $0.next.value, label: $0.label) }
            default: break
            }
            for rule in step.branch ?? [] {
                edges.append(Edge(from: id, to: rule.next.value, label: rule.condition.map { "if \(describe($0.value))" } ?? "else"))
            }
            if let next = step.next {
                edges.append(Edge(from: id, to: next.value, label: label(of: step)))
            } else if step.branch == nil, !step.resumes, step.targets.isEmpty || step.ends {
                edges.append(Edge(from: id, to: "end", label: label(of: step)))
            }
            if step.resumes { edges.append(Edge(from: id, to: "resume", label: "back to the exercise")) }
        }
        return edges
    }

    func label(of step: Step) -> String? {
        switch step.expectation {
        case .capture(let name)?: return "answer -> \(name.value)"
        case .scale(let name)?: return "0-10 -> \(name.value)"
        default: return nil
        }
    }

    func describe(_ condition: Condition) -> String {
        guard let comparison = condition.comparison, let right = condition.right else { return condition.left }
        switch right {
        case .number(let n): return "\(condition.left) \(comparison.rawValue) \(n.formatted())"
        case .variable(let name): return "\(condition.left) \(comparison.rawValue) \(name)"
        }
    }

    var waiting: [String] { flow.stepOrder.filter { flow.steps[$0]!.expectation != nil } }

    func render(_ format: Graph.GraphFormat) -> String {
        switch format {
        case .dot:
            var out = "digraph \"\(escape(flow.id.value))\" {\n  label=\"\(escape(flow.title))\";\n  rankdir=TB;\n"
            out += "  node [shape=box, style=rounded];\n  start [shape=circle, label=\"\"];\n  end [shape=doublecircle, label=\"\"];\n"
            out += "  safety [shape=octagon, label=\"safety screen: crisis flow\"];\n"
            for id in flow.stepOrder {
                let step = flow.steps[id]!
                let text = step.say.first.map { Self.shorten($0.value) } ?? ""
                out += "  \"\(escape(id))\" [label=\"\(escape(id))\\n\(escape(text))\"];\n"
            }
            for edge in edges {
                out += "  \"\(escape(edge.from))\" -> \"\(escape(edge.to))\"" + (edge.label.map { " [label=\"\(escape($0))\"]" } ?? "") + ";\n"
            }
            for id in waiting { out += "  \"\(escape(id))\" -> safety [style=dashed, color=red];\n" }
            return out + "}\n"
        case .mermaid:
            var out = "flowchart TD\n  start((start))\n  end((end))\n  safety{{safety screen: crisis flow}}\n"
            let ids = Dictionary(flow.stepOrder.enumerated().map { ($0.element, "s\($0.offset)") }, uniquingKeysWith: { first, _ in first })
            func node(_ id: String) -> String { ids[id] ?? id }
            // Mermaid has no escape for a quote inside a quoted label: it becomes an apostrophe.
            func label(_ text: String) -> String { "\"" + FlowText.visible(text).replacingOccurrences(of: "\"", with: "'") + "\"" }
            for id in flow.stepOrder { out += "  \(node(id))[\(label(id))]\n" }
            for edge in edges {
                out += "  \(node(edge.from)) -->" + (edge.label.map { "|\(label($0))|" } ?? "") + " \(node(edge.to))\n"
            }
            for id in waiting { out += "  \(node(id)) -.-> safety\n" }
            return out
        }
    }

    /// The first words of `text`, cut at a word boundary near 40 characters.
    static func shorten(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        guard line.count > 40 else { return line }
        let cut = line.prefix(40)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "..."
    }

    /// `text` inside a dot string: quotes and backslashes escaped, newlines as spaces, control
    /// characters written as U+XXXX.
    func escape(_ text: String) -> String {
        FlowText.visible(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
    }
}
