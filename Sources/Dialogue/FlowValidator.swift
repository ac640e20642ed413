import Intents

/// Checks a flow's meaning: step references, reachability, ways out, variables, patterns.
///
/// Each problem is a ``Diagnostic`` with a stable code (see docs/diagnostics.md).
public enum FlowValidator {
    /// Variables the engine always provides.
    public static let builtInVariables: Set<String> = Set(["crisis_lines", "crisis_line", "emergency_number", "danger_lines", "region_name"])
        .union(StoreRecall.names)

    /// Every problem in `flow` on its own (cross-flow checks are in the linter).
    /// With `checkPatterns` false, the caller compiles the triggers and choice patterns itself.
    public static func validate(_ flow: Flow, concepts: ConceptTable, lists: Set<String>, checkPatterns: Bool = true) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let ids = flow.stepOrder
        func unknown(_ target: Located<String>, _ what: String) {
            let hint = closest(to: target.value, among: ids).map { "did you mean '\($0)'?" }
                ?? "steps in this flow: \(ids.joined(separator: ", "))"
            problems.append(Diagnostic(at: target.position, code: "F010", message: "\(what) names unknown step '\(target.value)'", hint: hint))
        }
        if flow.steps[flow.start.value] == nil { unknown(flow.start, "start") }
        for id in ids {
            let step = flow.steps[id]!
            for target in step.targets where flow.steps[target.value] == nil { unknown(target, "step '\(id)'") }
            if let branch = step.branch {
                if branch.isEmpty {
                    problems.append(Diagnostic(at: step.position, code: "F013", message: "branch in step '\(id)' has no rules",
                                               hint: "write at least `branch: [{else: STEP}]`, or use `next:` instead"))
                } else if branch.last?.condition != nil {
                    problems.append(Diagnostic(at: step.position, code: "F013", message: "branch in step '\(id)' has no 'else'",
                                               hint: "end the branch with `- else: STEP` so there is always a way on"))
                }
                for rule in branch.dropLast() where rule.condition == nil {
                    problems.append(Diagnostic(at: rule.next.position, code: "F013", message: "'else' must be the last rule of a branch",
                                               hint: "move it to the end"))
                }
            }
            if let classify = step.classify, !lists.contains(classify.list.value) {
                problems.append(Diagnostic(at: classify.list.position, code: "F023", message: "unknown list '\(classify.list.value)'",
                                           hint: closest(to: classify.list.value, among: lists.sorted()).map { "did you mean '\($0)'?" }
                                               ?? "add Scripts/lists/\(classify.list.value).yaml"))
            }
            if step.resumes && !CrisisFlow.allowsResume(flow) {
                problems.append(Diagnostic(at: step.position, severity: .warning, code: "F027",
                                           message: "'resume' only has an effect in the crisis flow", hint: "remove it"))
            }
            if step.say.isEmpty && step.expectation != nil {
                problems.append(Diagnostic(at: step.position, severity: .warning, code: "F028",
                                           message: "step '\(id)' waits for an answer without asking anything",
                                           hint: "add `say:` with the question"))
            }
        }
        if checkPatterns {
            for trigger in flow.triggers {
                problems += patternProblems(trigger, concepts: concepts)
            }
            for id in ids {
                guard case .choices(let choices)? = flow.steps[id]?.expectation else { continue }
                for pattern in choices.flatMap(\.patterns) { problems += patternProblems(pattern, concepts: concepts) }
            }
        }
        guard !problems.contains(where: { $0.code == "F010" }) else { return problems }
        problems += reachability(flow)
        problems += variables(flow)
        return problems
    }

    /// Problems compiling one pattern, pointed at its position.
    static func patternProblems(_ pattern: Located<String>, concepts: ConceptTable) -> [Diagnostic] {
        do {
            let forms = try Pattern(pattern.value).linearized(concepts: concepts)
            if forms.contains(where: \.matchesEmpty) {
                return [Diagnostic(at: pattern.position, code: "F018", message: "pattern '\(pattern.value)' can match an empty line",
                                   hint: "add at least one word or ~concept")]
            }
            if forms.isEmpty {
                return [Diagnostic(at: pattern.position, code: "F018", message: "pattern '\(pattern.value)' can never match",
                                   hint: "write at least one word, `*` or ~concept")]
            }
            return []
        } catch {
            var position = pattern.position
            position.column += error.column  // the pattern usually sits after an opening quote
            return [Diagnostic(at: position, code: "F017", message: "bad pattern: \(error.message)", hint: error.hint)]
        }
    }

    /// Unreachable steps, steps with no way out, and loops that never wait for the person.
    static func reachability(_ flow: Flow) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var reached: Set<String> = []
        var queue = CrisisFlow.startingSteps(of: flow)
        while let id = queue.popLast() {
            guard reached.insert(id).inserted, let step = flow.steps[id] else { continue }
            queue += step.targets.map(\.value)
        }
        for id in flow.stepOrder where !reached.contains(id) {
            problems.append(Diagnostic(at: flow.steps[id]!.position, code: "F012", message: "step '\(id)' can never be reached",
                                       hint: "lead to it with `next:` from another step, or remove it"))
        }
        // A way out: some path reaches a step that ends the flow. Walked backwards from the ends,
        // each step once.
        var comesFrom: [String: [String]] = [:]
        for id in flow.stepOrder {
            for target in flow.steps[id]!.targets { comesFrom[target.value, default: []].append(id) }
        }
        var canEnd: Set<String> = Set(flow.stepOrder.filter { isEnd(flow.steps[$0]!) })
        var back = Array(canEnd)
        while let id = back.popLast() {
            for source in comesFrom[id] ?? [] where canEnd.insert(source).inserted { back.append(source) }
        }
        for id in flow.stepOrder where reached.contains(id) && !canEnd.contains(id) {
            problems.append(Diagnostic(at: flow.steps[id]!.position, code: "F013", message: "step '\(id)' has no way out: no path from it ends the flow",
                                       hint: "add `end: true` to a step on the loop, or a `no:` that leaves it"))
        }
        // Loops made only of steps that don't wait (plain steps and branches) would spin forever.
        if let loop = firstLoop(flow, through: flow.stepOrder.filter {
            reached.contains($0) && flow.steps[$0]!.expectation == nil && !flow.steps[$0]!.ends
        }) {
            problems.append(Diagnostic(at: flow.steps[loop]!.position, code: "F025",
                                       message: "steps loop back to '\(loop)' without waiting for an answer",
                                       hint: "add a question (capture, yesno, choices) somewhere on the loop"))
        }
        return problems
    }

    /// The first step, in depth-first order from `moving`, that a path made only of `moving`
    /// steps leads back to. The walk keeps its own stack, so a chain of any length is safe.
    static func firstLoop(_ flow: Flow, through moving: [String]) -> String? {
        let members = Set(moving)
        var onPath: Set<String> = []
        var done: Set<String> = []
        for root in moving where !done.contains(root) {
            // Each frame is a step and how many of its targets have been looked at.
            var stack: [(id: String, targets: [String], next: Int)] = []
            func push(_ id: String) {
                onPath.insert(id)
                stack.append((id, flow.steps[id]!.targets.map(\.value).filter(members.contains), 0))
            }
            push(root)
            while let top = stack.last {
                guard top.next < top.targets.count else {
                    onPath.remove(top.id)
                    done.insert(top.id)
                    stack.removeLast()
                    continue
                }
                let target = top.targets[top.next]
                stack[stack.count - 1].next += 1
                if onPath.contains(target) { return target }
                if !done.contains(target) { push(target) }
            }
        }
        return nil
    }

    static func isEnd(_ step: Step) -> Bool {
        step.ends || step.resumes || (step.next == nil && step.branch == nil && step.targets.isEmpty)
    }

    /// Variables used on some path before any step sets them.
    static func variables(_ flow: Flow) -> [Diagnostic] {
        let all = Set(flow.stepOrder.flatMap { flow.steps[$0]!.setsVariables.map(\.value) }).union(builtInVariables)
        var incoming: [String: Set<String>] = [:]
        for id in flow.stepOrder { incoming[id] = all }
        for start in CrisisFlow.startingSteps(of: flow) { incoming[start] = builtInVariables }
        // A worklist: a step is looked at again only when what reaches it shrank, and each set
        // can only shrink, so the walk is linear in the steps times the variables.
        var pending = flow.stepOrder
        var isPending = Set(pending)
        var cursor = 0
        while cursor < pending.count {
            let id = pending[cursor]
            cursor += 1
            isPending.remove(id)
            let step = flow.steps[id]!
            var out = incoming[id]!
            out.formUnion(step.setsVariables.map(\.value))
            for target in step.targets where flow.steps[target.value] != nil {
                // A classify step sets its variable before moving on; an answer sets it before the next step.
                let merged = incoming[target.value]!.intersection(out)
                if merged.count != incoming[target.value]!.count {
                    incoming[target.value] = merged
                    if isPending.insert(target.value).inserted { pending.append(target.value) }
                }
            }
        }
        var problems: [Diagnostic] = []
        for id in flow.stepOrder {
            let step = flow.steps[id]!
            let known = incoming[id]!
            let afterClassify = step.classify.map { known.union([$0.into.value]) } ?? known
            var uses: [(String, SourcePosition, Set<String>)] = []
            for text in step.say { uses += Template.variables(in: text.value).map { ($0, text.position, afterClassify) } }
            if let journal = step.journal {
                let afterAnswer = afterClassify.union(step.setsVariables.map(\.value))
                uses += Template.variables(in: journal.value).map { ($0, journal.position, afterAnswer) }
            }
            if let classify = step.classify { uses += Template.variables(in: classify.text.value).map { ($0, classify.text.position, known) } }
            if let reprompt = step.reprompt { uses += Template.variables(in: reprompt).map { ($0, step.position, afterClassify) } }
            for rule in step.branch ?? [] {
                if let condition = rule.condition { uses += condition.value.variables.map { ($0, condition.position, afterClassify) } }
            }
            for (name, position, available) in uses where !available.contains(name) {
                let message = all.contains(name)
                    ? "variable '\(name)' may be used before it is set"
                    : "unknown variable '\(name)'"
                let hint = all.contains(name)
                    ? "every path to step '\(id)' must pass a step that sets '\(name)'"
                    : closest(to: name, among: all.sorted()).map { "did you mean '\($0)'?" } ?? "set it with `capture: \(name)` first"
                problems.append(Diagnostic(at: position, code: "F014", message: message, hint: hint))
            }
        }
        return problems
    }
}
