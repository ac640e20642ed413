import Yams

/// Reads flow files into ``Flow`` values, keeping the position of every key and value.
///
/// Structural problems (wrong types, unknown keys, missing keys) stop the file with one
/// diagnostic; semantic checks across steps live in ``FlowValidator``.
public enum FlowLoader {
    static let flowKeys = ["id", "title", "summary", "menu", "order", "triggers", "examples", "counterexamples", "start", "steps",
                           "mood-check"]
    static let stepKeys = ["say", "capture", "scale", "yesno", "choices", "branch", "classify", "journal", "kind", "reprompt",
                           "next", "end", "resume", "offer"]

    /// Most steps in one flow.
    public static let maximumSteps = 1_000

    /// Loads the flow file at `path`.
    public static func load(path: String) throws(Diagnostic) -> Flow {
        try loadReporting(path: path).flow
    }

    /// Loads the flow file at `path`, with warnings about what was changed on the way in (control
    /// characters removed from its text, `F033`).
    public static func loadReporting(path: String) throws(Diagnostic) -> (flow: Flow, warnings: [Diagnostic]) {
        let doc = try YAMLDocument(contentsOf: path, limits: .flow)
        return (try read(doc), doc.notes.warnings)
    }

    /// Loads a flow from YAML text, reporting positions against `path`.
    public static func load(text: String, path: String) throws(Diagnostic) -> Flow {
        try loadReporting(text: text, path: path).flow
    }

    /// Loads a flow from YAML text, with warnings as ``loadReporting(path:)`` gives them.
    public static func loadReporting(text: String, path: String) throws(Diagnostic) -> (flow: Flow, warnings: [Diagnostic]) {
        let doc = try YAMLDocument(path: path, text: text, limits: .flow)
        return (try read(doc), doc.notes.warnings)
    }

    static func read(_ doc: YAMLDocument) throws(Diagnostic) -> Flow {
        let pairs = try doc.mapping(doc.root, what: "a flow file")
        try doc.checkKeys(pairs, allowed: flowKeys, in: "a flow")
        func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
        func required(_ key: String, hint: String) throws(Diagnostic) -> Node {
            guard let node = value(key) else {
                throw Diagnostic(path: doc.path, line: doc.position(of: doc.root).line, column: 1, code: "F005",
                                 message: "missing required key '\(key)'", hint: hint)
            }
            return node
        }
        let idNode = try required("id", hint: "add `id: my-flow` (lower case, dashes)")
        let id = try doc.string(idNode, what: "id")
        guard !id.isEmpty, id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw doc.error(idNode, "F006", "flow id '\(id)' must be lower case letters, digits and dashes",
                            hint: "for example `id: two-good-things`")
        }
        let title = try doc.text(try required("title", hint: "add `title: A short name people will see`"), what: "title")
        let triggersNode = try required("triggers", hint: "add `triggers:` with a list of patterns, or `triggers: []`")
        let triggers = try located(doc, triggersNode, what: "triggers", allowEmptyList: true)
        let examples = try value("examples").map { node throws(Diagnostic) in try located(doc, node, what: "examples") } ?? []
        let counter = try value("counterexamples").map { node throws(Diagnostic) in try located(doc, node, what: "counterexamples") } ?? []
        let startNode = try required("start", hint: "add `start: STEP` naming the first step")
        let start = Located(try doc.string(startNode, what: "start"), at: doc.position(of: startNode))
        let stepsNode = try required("steps", hint: "add `steps:` with at least one step")
        var steps: [Step] = []
        let stepPairs = try doc.mapping(stepsNode, what: "steps")
        if stepPairs.count > maximumSteps {
            throw doc.error(stepsNode, "F031", "the flow has \(stepPairs.count) steps; the most allowed is \(maximumSteps)",
                            hint: "split it into several flows")
        }
        for pair in stepPairs {
            steps.append(try step(doc, id: pair.key, keyNode: pair.keyNode, node: pair.value))
        }
        if steps.isEmpty {
            throw doc.error(stepsNode, "F005", "a flow needs at least one step", hint: "add a step with `say:`")
        }
        var flow = Flow(
            id: Located(id, at: doc.position(of: idNode)), title: title,
            summary: try value("summary").map { node throws(Diagnostic) in try doc.text(node, what: "summary") },
            showInMenu: try value("menu").map { node throws(Diagnostic) in try doc.bool(node, what: "menu") } ?? true,
            order: try value("order").map { node throws(Diagnostic) in
                guard let number = Int(try doc.string(node, what: "order")) else {
                    throw doc.error(node, "F003", "order must be a whole number", hint: "for example `order: 3`; lower numbers come first")
                }
                return number
            } ?? 100,
            triggers: triggers, examples: examples, counterexamples: counter, start: start, steps: steps, path: doc.path)
        if let node = value("mood-check") { flow.asksMood = try doc.bool(node, what: "mood-check") }
        return flow
    }

    /// A text or list of texts with their positions; `shown` texts are cleaned for the terminal.
    static func located(_ doc: YAMLDocument, _ node: Node, what: String, allowEmptyList: Bool = true,
                        shown: Bool = false) throws(Diagnostic) -> [Located<String>] {
        if case .scalar(let scalar) = node, scalar.string.isEmpty, allowEmptyList { return [] }
        return try (shown ? doc.texts(node, what: what) : doc.strings(node, what: what)).map { Located($0.0, at: doc.position(of: $0.1)) }
    }

    static func step(_ doc: YAMLDocument, id: String, keyNode: Node, node: Node) throws(Diagnostic) -> Step {
        let pairs = try doc.mapping(node, what: "step '\(id)'")
        try doc.checkKeys(pairs, allowed: stepKeys, in: "step '\(id)'")
        func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
        func name(_ key: String) throws(Diagnostic) -> Located<String>? {
            guard let node = value(key) else { return nil }
            return Located(try doc.string(node, what: "'\(key)' in step '\(id)'"), at: doc.position(of: node))
        }
        var step = Step(id: id, position: doc.position(of: keyNode))
        if let say = value("say") { step.say = try located(doc, say, what: "say", allowEmptyList: false, shown: true) }
        var expectations: [Step.Expectation] = []
        if let variable = try name("capture") { expectations.append(.capture(variable)) }
        if let variable = try name("scale") { expectations.append(.scale(variable)) }
        if let yesno = value("yesno") {
            let answers = try doc.mapping(yesno, what: "yesno")
            try doc.checkKeys(answers, allowed: ["yes", "no", "unsure"], in: "yesno")
            func answer(_ key: String) throws(Diagnostic) -> Located<String>? {
                guard let pair = answers.first(where: { $0.key == key }) else { return nil }
                return Located(try doc.string(pair.value, what: key), at: doc.position(of: pair.value))
            }
            guard let yes = try answer("yes"), let no = try answer("no") else {
                throw doc.error(yesno, "F005", "yesno needs both 'yes' and 'no'", hint: "write `yesno: {yes: STEP, no: STEP}`")
            }
            expectations.append(.yesNo(yes: yes, no: no, unsure: try answer("unsure")))
        }
        if let choices = value("choices") {
            var list: [Step.Choice] = []
            for item in try doc.list(choices, what: "choices") {
                let fields = try doc.mapping(item, what: "a choice")
                try doc.checkKeys(fields, allowed: ["label", "next", "match"], in: "a choice")
                guard let label = fields.first(where: { $0.key == "label" }),
                      let next = fields.first(where: { $0.key == "next" })
                else {
                    throw doc.error(item, "F005", "a choice needs 'label' and 'next'", hint: "write `- {label: Walk, next: walk}`")
                }
                let patterns = try fields.first(where: { $0.key == "match" }).map { pair throws(Diagnostic) in
                    try located(doc, pair.value, what: "match")
                } ?? []
                list.append(Step.Choice(label: try doc.text(label.value, what: "label"), patterns: patterns,
                                        next: Located(try doc.string(next.value, what: "next"), at: doc.position(of: next.value)),
                                        position: doc.position(of: item)))
            }
            if list.isEmpty { throw doc.error(choices, "F005", "choices is empty", hint: "add at least two choices") }
            expectations.append(.choices(list))
        }
        if expectations.count > 1 {
            throw doc.error(keyNode, "F007", "step '\(id)' waits for more than one thing",
                            hint: "use only one of capture, scale, yesno and choices; split it into two steps")
        }
        step.expectation = expectations.first
        if let branch = value("branch") {
            var rules: [Step.Rule] = []
            for item in try doc.list(branch, what: "branch") {
                let fields = try doc.mapping(item, what: "a branch rule")
                try doc.checkKeys(fields, allowed: ["if", "next", "else"], in: "a branch rule")
                if let otherwise = fields.first(where: { $0.key == "else" }) {
                    rules.append(Step.Rule(condition: nil, next: Located(try doc.string(otherwise.value, what: "else"),
                                                                         at: doc.position(of: otherwise.value))))
                    continue
                }
                guard let condition = fields.first(where: { $0.key == "if" }), let next = fields.first(where: { $0.key == "next" }) else {
                    throw doc.error(item, "F005", "a branch rule needs 'if' and 'next', or 'else'",
                                    hint: "write `- {if: score < 5, next: low}` and end with `- else: other`")
                }
                let text = try doc.string(condition.value, what: "if")
                let parsed: Condition
                do { parsed = try Condition(parsing: text) } catch {
                    throw doc.error(condition.value, "F008", "bad condition: \(error.message)",
                                    hint: "write `name`, `name < 5` or `name >= other`")
                }
                rules.append(Step.Rule(condition: Located(parsed, at: doc.position(of: condition.value)),
                                       next: Located(try doc.string(next.value, what: "next"), at: doc.position(of: next.value))))
            }
            step.branch = rules
        }
        if let classify = value("classify") {
            let fields = try doc.mapping(classify, what: "classify")
            try doc.checkKeys(fields, allowed: ["text", "list", "into"], in: "classify")
            func field(_ key: String) throws(Diagnostic) -> Located<String> {
                guard let pair = fields.first(where: { $0.key == key }) else {
                    throw doc.error(classify, "F005", "classify needs '\(key)'", hint: "write `classify: {text: \"{{thought}}\", list: thinking-traps, into: traps}`")
                }
                return Located(try doc.string(pair.value, what: key), at: doc.position(of: pair.value))
            }
            step.classify = Step.Classify(text: try field("text"), list: try field("list"), into: try field("into"))
        }
        step.journal = try value("journal").map { node throws(Diagnostic) in Located(try doc.text(node, what: "journal"), at: doc.position(of: node)) }
        if let kind = try name("kind") {
            guard step.journal != nil else {
                throw Diagnostic(at: kind.position, code: "F007", message: "step '\(id)' has 'kind' but nothing to save",
                                 hint: "add `journal: \"{{answer}}\"` to say what is saved, or remove `kind`")
            }
            guard !kind.value.isEmpty, kind.value.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw Diagnostic(at: kind.position, code: "F003", message: "kind '\(kind.value)' must be lower case letters, digits and dashes",
                                 hint: "for example `kind: self-care`; see docs/authoring.md for the kinds with lists of their own")
            }
            step.kind = kind.value
        }
        step.reprompt = try value("reprompt").map { node throws(Diagnostic) in try doc.text(node, what: "reprompt") }
        step.next = try name("next")
        if let end = value("end") { step.ends = try doc.bool(end, what: "end") }
        if let resume = value("resume") { step.resumes = try doc.bool(resume, what: "resume") }
        if let offer = value("offer") { step.offer = try located(doc, offer, what: "offer", allowEmptyList: false) }
        if step.branch != nil, let next = step.next {
            throw Diagnostic(at: next.position, code: "F007", message: "step '\(id)' has both 'branch' and 'next'",
                             hint: "put the default in the branch's `else`")
        }
        if step.branch != nil, step.expectation != nil {
            throw doc.error(keyNode, "F007", "step '\(id)' both waits for an answer and branches",
                            hint: "branch in the step that follows the answer")
        }
        return step
    }
}
