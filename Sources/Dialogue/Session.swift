import Foundation
import Intents

/// One conversation: it takes a line, screens it, and answers from the flows.
///
/// Order of work for every line: (1) the safety screen, always first; (2) commands such as
/// `stop` and `help`; (3) the answer the current step is waiting for; (4) the answer to an open
/// offer; (5) the ``Router``: an exercise asked for, small talk, a feeling, or a flow to offer;
/// (6) an honest "I'm not sure I understood".
public final class Session {
    public let library: FlowLibrary
    public let region: CrisisDirectory.Region
    private var picker: VariantPicker
    private let journal: JournalStore?
    private let now: () -> Date

    private struct Position {
        var flow: Flow
        var step: String
        var variables: [String: String]
    }

    private var active: Position?
    /// An exercise interrupted by a check-in, to go back to if the person is okay.
    private var suspended: Position?
    private var lastMenu: [String] = []
    /// Small talk, feelings and the exercises on offer.
    private var conversation: Conversation
    /// Answers in a row that said nothing, at the step named, so the second one can offer a way out.
    private var nonAnswers: (step: String, count: Int) = ("", 0)
    /// The answer a gentle check interrupted, kept to go on from if the person is okay (see `voiced`).
    private var keptAnswer: String?
    /// The tier of the last crisis reply, and how many more lines stay in its context.
    private var afterCrisis: (tier: SafetyTier, lines: Int)?
    /// Lines after a crisis reply that are answered in its context.
    public static let linesInCrisisContext = 3
    /// The latest answers stored in variables (at most ``maximumRemembered``), oldest first, so
    /// tests can prove what was never kept. Bounded, so a long pipe runs in constant memory.
    public private(set) var stored: [String] = []

    /// How many answers ``stored`` keeps.
    public static let maximumRemembered = 100

    /// Longest answer kept in a variable, in characters.
    public static let maximumAnswerLength = 2000

    public init(library: FlowLibrary, region: String?, seed: UInt64 = 1, journal: JournalStore? = nil,
                now: @escaping () -> Date = Date.init)
    {
        self.library = library
        self.region = library.directory.region(region)
        self.picker = VariantPicker(seed: seed)
        self.conversation = Conversation(seed: seed)
        self.journal = journal
        self.now = now
    }

    /// The flow and step waiting for an answer, if any.
    public var current: (flow: String, step: String)? { active.map { ($0.flow.id.value, $0.step) } }

    /// The variables of the running flow.
    public var variables: [String: String] { active?.variables ?? [:] }

    /// Lines to greet someone who opens the program in a terminal.
    public func greeting() -> [String] { Self.greeting(region: region) }

    /// The greeting for `region`, available before any flow is loaded.
    public static func greeting(region: CrisisDirectory.Region) -> [String] {
        [
            "Hi. I'm a small program you can talk to between therapy sessions.",
            "I'm not a therapist or a person, nobody reads this, and I can't contact anyone.",
            "If you are in danger, call \(region.emergency). For the crisis lines, type crisis.",
            "What's on your mind? Type help to see what we can do.",
        ]
    }

    // MARK: - Turns

    /// Answers one line of input.
    public func respond(to input: String) -> Reply {
        recalledCache = nil  // another window may have saved since the last line
        var reply = Reply()
        let text = Self.clean(input), before = active?.flow.id.value
        handle(text, &reply)
        moodCheck.finish(was: before, now: active?.flow.id.value, reply: &reply, command: Command.match(text) != nil)
        reply.flow = active?.flow.id.value
        reply.step = active?.step
        reply.offered = conversation.offered
        return reply
    }

    private func handle(_ text: String, _ reply: inout Reply) {
        let assessment = library.screen.assess(text)
        reply.safety = assessment.tier
        reply.category = assessment.category
        if assessment.tier >= .concern { noteSafety(assessment.tier) }
        if assessment.tier >= .crisis {
            afterCrisis = (assessment.tier, Self.linesInCrisisContext)
            escalate(to: CrisisFlow.Entry(for: assessment).step, &reply)
            return
        }
        if assessment.tier == .concern {
            if active?.flow.isCrisisFlow != true {
                suspended = active
                keptAnswer = active.flatMap { position in
                    guard case .capture? = position.flow.steps[position.step]?.expectation,
                          library.router.script.voiced.contains(position.flow.id.value + "/" + position.step) else { return nil }
                    return text
                }
                escalate(to: CrisisFlow.Entry(for: assessment).step, &reply, keepSuspended: true)
                return
            }
            // Inside the crisis flow a check-in is already under way, but a concern typed where the
            // flow is taking free text is never stored: it gets the check-in question instead.
            if case .capture? = active.flatMap({ $0.flow.steps[$0.step] })?.expectation {
                escalate(to: CrisisFlow.Entry.concern.step, &reply, keepSuspended: true)
                return
            }
        }
        if text.isEmpty {
            if let position = active, let step = position.flow.steps[position.step], step.expectation != nil {
                reprompt(step, default: "Take your time. You can type your answer, or stop to leave this exercise.", &reply)
            }
            return
        }
        let command = Command.match(text)
        if let waiting = moodCheck.waiting {
            // "skip" (and stop, after an exercise) skips the rating; stop before one leaves it unstarted.
            let skips = Normalizer.words(text).first == "skip"
            switch (command, waiting) {
            case (nil, _), (.stop?, .after), (.stop?, .before) where skips:
                answerMood(text, waiting, &reply)
                return
            case (.stop?, .before(let flow)):
                active = Position(flow: flow, step: flow.start.value, variables: [:])
            default: break
            }
            moodCheck.waiting = nil
        }
        if let command {
            run(command, &reply)
            return
        }
        if let position = active {
            answer(text, at: position, &reply)
            return
        }
        if let outcome = conversation.answerOffer(text, library: library) {
            return apply(outcome, &reply)
        }
        if let number = Int(text.trimmingCharacters(in: .whitespaces)), number >= 1, lastMenu.indices.contains(number - 1),
           let flow = library.flows[lastMenu[number - 1]]
        {
            start(flow, &reply)
            return
        }
        let route = library.router.route(text, triggers: library.matcher)
        reply.route = route.tier.rawValue
        if let context = afterCrisis, context.lines > 0 {
            afterCrisis = (context.tier, context.lines - 1)
            // Right after a crisis reply, "I'm fine, it was only a few" is answered in that context, not as small talk.
            if ![.trigger, .mention, .meta].contains(route.tier) {
                let script = library.router.script
                reply.lines = render(context.tier >= .emergency
                    ? conversation.line("after-emergency", script, fallback: "Please still call {{emergency_number}} if anything feels wrong.")
                    : conversation.line("after-crisis", script, fallback: "If things get harder, you can reach {{crisis_line}} any time."))
                return
            }
        }
        reply.topic = route.topic?.id
        if !route.offered, let flow = route.flow {
            reply.intent = flow
            reply.trigger = route.pattern
        }
        apply(conversation.respond(to: route, text: text, library: library), &reply)
    }

    /// Says or starts what the conversation decided.
    private func apply(_ outcome: Conversation.Outcome, _ reply: inout Reply) {
        switch outcome {
        case .say(let lines, let variables):
            reply.lines += lines.flatMap { render($0, variables) }
        case .start(let id):
            guard let flow = library.flows[id] else { return apply(.notUnderstood, &reply) }
            if reply.intent == nil { reply.intent = id }
            start(flow, &reply)
        case .notUnderstood:
            let script = library.router.script
            reply.lines = render(conversation.line("not-understood", script,
                fallback: "I'm not sure I understood that. I'm a simple program, and I only know a few exercises, such as:"))
            reply.lines += menuLines(limit: 5)
            reply.lines += render(conversation.line("not-understood-end", script,
                fallback: "Type a number, tell me a bit more, or type help to see everything."))
        }
    }

    private func escalate(to entry: String, _ reply: inout Reply, keepSuspended: Bool = false) {
        if !keepSuspended {
            suspended = nil
            keptAnswer = nil
        }
        moodCheck = MoodCheck()
        conversation.forget()
        active = Position(flow: library.crisisFlow, step: entry, variables: [:])
        run(from: entry, &reply)
    }

    private func start(_ flow: Flow, _ reply: inout Reply, askingMood: Bool = true) {
        if askingMood, MoodCheck.applies(to: flow, recalled: recalled) {
            moodCheck.waiting = .before(flow)
            reply.lines = MoodCheck.lines("mood_before")
            return
        }
        suspended = nil
        keptAnswer = nil
        afterCrisis = nil
        conversation.forget()
        active = Position(flow: flow, step: flow.start.value, variables: [:])
        run(from: flow.start.value, &reply)
    }

    // MARK: - Commands

    private func run(_ command: Command, _ reply: inout Reply) {
        switch command {
        case .quit:
            reply.quit = true
            reply.lines = ["Take care of yourself. You can come back any time."]
        case .stop:
            if let position = active {
                if position.flow.isCrisisFlow {
                    reply.lines = render(conversation.line("stop-crisis", library.router.script,
                        fallback: "If things get harder, you can reach {{crisis_line}}, or call {{emergency_number}}."))
                } else {
                    reply.lines = ["Okay, we'll stop here. That's completely fine."]
                }
                active = nil
                suspended = nil
                reply.lines.append("What would you like to do now? Type help to see what we can do.")
            } else {
                reply.lines = ["There's no exercise running right now. Type help to see what we can do."]
            }
        case .help:
            reply.lines = ["Here's what we can do together:"] + menuLines()
            reply.lines.append("Type a number or tell me what's going on. Commands: help, menu, stop (leave an exercise), crisis, quit.")
            if let position = active {
                reply.lines.append("We're in the middle of \(position.flow.title). Answer the question above, or type stop to leave it.")
            }
            reply.lines.append("If you're struggling right now, type crisis to see who you can call or text.")
        case .crisis:
            escalate(to: library.crisisFlow.start.value, &reply)
        case .menu:
            reply.lines = ["Here's what we can do together:"] + menuLines()
            if active != nil { reply.lines.append("Type stop first to leave the exercise we're in.") }
        }
    }

    private func menuLines(limit: Int = .max) -> [String] {
        let flows = Array(library.menuFlows.prefix(limit))
        lastMenu = flows.map(\.id.value)
        conversation.forget()
        return flows.enumerated().map { index, flow in
            "\(index + 1). \(flow.title)" + (flow.summary.map { ": \($0)" } ?? "")
        }
    }

    // MARK: - Answers

    private func answer(_ text: String, at position: Position, _ reply: inout Reply) {
        guard let step = position.flow.steps[position.step], let expectation = step.expectation else {
            active = nil
            return
        }
        var next: String?
        switch expectation {
        case .capture(let name):
            let key = position.flow.id.value + "/" + position.step
            if !position.flow.isCrisisFlow, let nothing = library.router.nonAnswer(text) {
                if nothing == .skip {
                    // An answer a journal entry needs can't be skipped past: the exercise ends gently instead.
                    let needed = position.flow.steps.values.contains { $0.journal.map { Template.variables(in: $0.value).contains(name.value) } ?? false }
                    if needed {
                        reply.lines = render(conversation.line("skip-ends", library.router.script,
                            fallback: "That's okay. We can leave this one here for today."))
                        reply.lines.append("What would you like to do now? Type help to see what we can do.")
                        active = nil
                        suspended = nil
                        return
                    }
                    next = step.next?.value
                    break
                }
                // Never stored: asked again gently, and the second time offered a way out.
                nonAnswers = nonAnswers.step == key ? (key, nonAnswers.count + 1) : (key, 1)
                let script = library.router.script
                if nonAnswers.count == 1 {
                    return reprompt(step, default: conversation.line("nonanswer-first", script, fallback: "Take your time."), &reply)
                }
                reply.lines = render(conversation.line("nonanswer-second", script,
                    fallback: "It's okay if nothing comes to mind. You can type next to skip this question, or stop to leave this exercise."))
                return
            }
            nonAnswers = ("", 0)
            let value = String(text.prefix(Self.maximumAnswerLength))
            active?.variables[name.value] = value
            stored.append(value)
            if stored.count > Self.maximumRemembered { stored.removeFirst(stored.count - Self.maximumRemembered) }
            next = step.next?.value
        case .scale(let name):
            if let rating = Answer.rating(text) {
                active?.variables[name.value] = String(rating)
                next = step.next?.value
            } else {
                return reprompt(step, default: "A number from 0 to 10 is fine, where 0 is the least and 10 the most.", &reply)
            }
        case .yesNo(let yes, let no, let unsure):
            switch Answer.yesNo(text) {
            case .yes?: next = yes.value
            case .no?: next = no.value
            case .unsure?: next = (unsure ?? yes).value
            case nil: return reprompt(step, default: "You can answer yes or no, or type stop to leave this exercise.", &reply)
            }
        case .choices(let choices):
            guard let index = choose(text, choices, key: position.flow.id.value + "/" + position.step) else {
                reprompt(step, default: "You can pick one by its number, or type stop to leave this exercise.", &reply)
                reply.lines += Self.numbered(choices)
                return
            }
            next = choices[index].next.value
        }
        if let journalText = step.journal, let problem = save(journalText.value, kind: step.kind, flow: position.flow) {
            reply.lines += problem
        }
        guard let next else {
            reply.taken.append(position.flow.id.value + "/" + position.step + ">end")
            active = nil
            return
        }
        reply.taken.append(position.flow.id.value + "/" + position.step + ">" + next)
        run(from: next, &reply)
    }

    static func numbered(_ choices: [Step.Choice]) -> [String] {
        choices.enumerated().map { "\($0.offset + 1). \($0.element.label)" }
    }

    private func reprompt(_ step: Step, default text: String, _ reply: inout Reply) {
        reply.lines = render(step.reprompt ?? text, active?.variables ?? [:])
        reply.source = step.position.description
    }

    private func choose(_ text: String, _ choices: [Step.Choice], key: String) -> Int? {
        let words = Normalizer.words(text)
        if let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))), number >= 1,
           choices.indices.contains(number - 1)
        {
            return number - 1
        }
        if let index = choices.firstIndex(where: { Normalizer.words($0.label) == words }) { return index }
        // "I don't want to send it" must not pick "Send it": a negated answer only counts when the
        // pattern it matched is itself negative ("none of (those|them)").
        let negators: Set<String> = ["not", "no", "never", "none", "neither", "nothing"]
        let negated = words.contains(where: negators.contains)
        if !negated, let ordinal = ["first", "second", "third", "fourth", "fifth", "sixth"].firstIndex(where: { words.contains($0) }),
           choices.indices.contains(ordinal), words.count <= 4
        {
            return ordinal
        }
        if let matcher = library.choiceMatchers[key],
           let match = matcher.allMatches(words: matcher.words(for: text)).first(where: {
               !negated || ((try? Pattern($0.trigger))?.literalWords ?? []).contains(where: negators.contains)
           }), let index = Int(match.intent)
        {
            return index
        }
        if negated { return nil }
        if !words.isEmpty, let index = choices.firstIndex(where: {
            let label = Normalizer.words($0.label)
            return label.count > 0 && words.count <= label.count + 2 && label.starts(with: words.prefix(min(words.count, label.count)))
        }) {
            return index
        }
        return nil
    }

    // MARK: - Running steps

    /// Enters `stepID` of the active flow and runs on until a step waits or the flow ends.
    private func run(from stepID: String, _ reply: inout Reply) {
        guard var position = active else { return }
        var current = stepID
        for _ in 0..<100 {
            guard let step = position.flow.steps[current] else { break }
            position.step = current
            reply.visited.append(position.flow.id.value + "/" + current)
            reply.source = step.position.description
            if let classify = step.classify {
                position.variables[classify.into.value] = classifyText(classify, position.variables)
            }
            // A step that saves says its words only once the save is committed; otherwise it says why not.
            var unsaved: [String]?
            if step.expectation == nil, let journalText = step.journal {
                unsaved = save(journalText.value, kind: step.kind, flow: position.flow, position.variables)
            }
            if let unsaved {
                reply.lines += unsaved
            } else if !step.say.isEmpty {
                let index = picker.pick(position.flow.id.value + "/" + current, count: step.say.count)
                reply.lines += render(step.say[index].value, position.variables)
            }
            if case .choices(let choices)? = step.expectation { reply.lines += Self.numbered(choices) }
            if !step.offer.isEmpty {
                active = nil
                suspended = nil
                let lines = conversation.offer(step.offer.map(\.value), topic: position.flow.id.value, library: library)
                reply.lines += lines.flatMap { render($0) }
                return
            }
            if step.expectation != nil {
                active = position
                return
            }
            if let branch = step.branch {
                let known = recalled.merging(position.variables) { _, flowValue in flowValue }
                // A branch with no rule that holds ends the flow; the linter reports it (F013).
                guard let target = branch.first(where: { $0.condition?.value.evaluate(known) ?? true })?.next.value
                else { break }
                reply.taken.append(position.flow.id.value + "/" + current + ">" + target)
                current = target
                continue
            }
            if step.resumes, let back = suspended {
                suspended = nil
                active = back
                if let kept = keptAnswer {
                    // The person is okay: what they wrote was the answer, so go on from it.
                    keptAnswer = nil
                    answer(kept, at: back, &reply)
                    return
                }
                if let waiting = back.flow.steps[back.step], !waiting.say.isEmpty {
                    let index = picker.last(back.flow.id.value + "/" + back.step) ?? 0
                    reply.lines += render(waiting.say[min(index, waiting.say.count - 1)].value, back.variables)
                    if case .choices(let choices)? = waiting.expectation { reply.lines += Self.numbered(choices) }
                }
                return
            }
            guard !step.ends, let next = step.next else { break }
            reply.taken.append(position.flow.id.value + "/" + current + ">" + next.value)
            current = next.value
        }
        active = nil
        suspended = nil
        keptAnswer = nil
    }

    private func classifyText(_ classify: Step.Classify, _ variables: [String: String]) -> String {
        guard let list = library.lists[classify.list.value] else { return "" }
        let text = render(classify.text.value, variables).joined(separator: " ")
        let words = list.matcher.words(for: text)
        let found = Set(list.matcher.allMatches(words: words).map(\.intent))
        return list.list.items.filter { found.contains($0.name) }.map { "- \($0.name): \($0.says)" }.joined(separator: "\n")
    }

    /// Saves what a step writes; nil when it was committed, else the lines that tell the person why not.
    private func save(_ template: String, kind: String?, flow: Flow, _ variables: [String: String]? = nil) -> [String]? {
        guard let journal else { return nil }
        let text = render(template, variables ?? active?.variables ?? [:]).joined(separator: "\n")
        let stamp = ISO8601DateFormatter().string(from: now())
        do {
            try journal.append(JournalEntry(date: stamp, flow: flow.id.value, text: text, kind: kind))
            recalledCache = nil
            return nil
        } catch {
            let reason = (error as? StoreError)?.description ?? "\(error)"
            return StoreText.text("save_failed", ["reason": reason]).split(separator: "\n").map(String.init)
        }
    }

    /// The rating before or after an exercise (``MoodCheck``): a number is saved, anything else skips it.
    private func answerMood(_ text: String, _ waiting: MoodCheck.Waiting, _ reply: inout Reply) {
        moodCheck.waiting = nil
        let rating = Answer.rating(text).flatMap { (0...10).contains($0) ? $0 : nil }
        switch waiting {
        case .before(let flow):
            if let rating, let problem = saveMood(rating, kind: Store.Kind.moodBefore, flow: flow.id.value) { reply.lines += problem }
            start(flow, &reply, askingMood: false)
            if rating != nil, active?.flow.id.value == flow.id.value { moodCheck.asked = flow.id.value }
        case .after(let flow):
            if let rating {
                reply.lines = saveMood(rating, kind: Store.Kind.moodAfter, flow: flow) ?? MoodCheck.lines("mood_after_saved")
            } else {
                reply.lines = MoodCheck.lines("mood_after_skipped")
            }
        }
    }

    private func saveMood(_ rating: Int, kind: String, flow: String) -> [String]? {
        guard let owner = library.flows[flow] ?? library.flows[CrisisFlow.id] else { return nil }
        return save(String(rating), kind: kind, flow: owner)
    }

    /// Records a raised line's tier and time in the store: never its text.
    private func noteSafety(_ tier: SafetyTier) {
        try? journal?.noteSafety(tier.description, date: ISO8601DateFormatter().string(from: now()))
    }

    /// What the flows can show of the saved data (``StoreRecall``), read again after each save.
    private var recalled: [String: String] {
        if let recalledCache { return recalledCache }
        let values = (try? journal?.recall()) ?? [:]
        recalledCache = values
        return values
    }
    private var recalledCache: [String: String]?
    private var moodCheck = MoodCheck()

    private func render(_ text: String, _ variables: [String: String] = [:]) -> [String] {
        var all = builtInVariables
        if text.contains("{{") { all.merge(recalled) { _, saved in saved } }
        all.merge(variables) { _, flowValue in flowValue }
        return Template.render(text, all).split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private lazy var builtInVariables: [String: String] = {
        let lines = region.lines.map { "- " + $0.summary }
        let danger = region.danger.isEmpty ? lines : region.danger.map { "- " + $0.summary }
        return [
            "crisis_lines": lines.joined(separator: "\n"),
            "crisis_line": region.lines.first?.reach ?? region.emergency,
            "emergency_number": region.emergency,
            "danger_lines": danger.joined(separator: "\n"),
            "region_name": region.name,
        ]
    }()

    // MARK: - Input

    /// The input with control characters and terminal escape sequences removed; line breaks (a
    /// multi-line paste in a terminal) are kept, so each line stays a clause of its own.
    public static func clean(_ input: String) -> String {
        var out = String.UnicodeScalarView()
        var inEscape = false
        for scalar in input.unicodeScalars {
            if inEscape {
                if scalar.properties.isAlphabetic || scalar == "~" { inEscape = false }
                continue
            }
            switch scalar.value {
            case 0x1B: inEscape = true
            case 0x09: out.append(" ")
            case 0x0A: out.append("\n")
            case 0x00..<0x20, 0x7F..<0xA0, 0xFFFD: continue
            default: out.append(scalar)
            }
        }
        return String(out).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
