import Intents

/// Decides what a line outside an exercise is: a request for an exercise, small talk, a feeling,
/// or a line that only sounds like an exercise, which is offered rather than started.
///
/// The order, for a line the safety screen let through:
/// 1. a question about the program is answered as one (*meta*), even when it names an exercise; then an
///    exercise named inside a sentence after a word like "try" starts it (*mention*);
/// 2. small talk and questions about the program, matched as whole lines, get their own answer;
/// 3. a feeling is reflected and answered with an offer, unless the line is also a request and a
///    trigger fits, or a trigger that is not broad fits an exercise the feeling doesn't offer (a hard session);
/// 4. the flows' exact triggers start a flow (*trigger*, the first tier), but a broad one (a single
///    word or concept anywhere in the line) yields to a confident offer of another exercise, and in
///    a longer line that asks for nothing its exercise is offered, not started;
/// 5. other topics ("I want to cut back on drinking") get their own answer;
/// 6. the keywords and concepts a line shares with each flow's triggers and examples (*keywords*,
///    the second tier): a confident match is offered, never started;
/// 7. otherwise nothing fits.
public struct Router: Sendable {
    /// Which rule decided a line.
    public enum Tier: String, Sendable {
        case mention, smalltalk, meta, feeling, trigger, topic, keywords, none
    }

    /// What a line is, and the flow it starts or is offered, if any.
    public struct Route: Sendable {
        public var tier: Tier
        /// The flow started (mention, trigger) or offered (keywords, or first among a feeling's offers).
        public var flow: String?
        /// The topic answered (small talk, meta, feeling, topic).
        public var topic: Topic?
        public var score: Double = 0
        /// The trigger or pattern that matched.
        public var pattern: String?
        /// For the second tier: the terms that counted.
        public var keywords: [String] = []
        /// Whether the flow is only offered.
        public var offered: Bool { tier == .keywords }

        /// The exercises an answer to this line offers, of those `exists` knows: the flow offered, or
        /// a topic's offers, after the exercise the line named in passing ("panicking so bad").
        public func offers(_ exists: (String) -> Bool) -> [String] {
            if offered { return flow.map { [$0] } ?? [] }
            guard let topic else { return [] }
            var flows = flow.map { [$0] } ?? []
            for other in topic.offer where other != flow { flows.append(other) }
            return flows.filter(exists)
        }
    }

    public let script: ConversationScript
    /// Topics ("topic:N"), requests ("request") and mentions ("mention:FLOW") in one index, so a
    /// line is encoded and walked once.
    // Constants once built, so a line reads them in place rather than copying them.
    private let talk: IntentMatcher
    private let negators: Set<String>
    /// One bit per first byte of a negator that is ASCII in its canonical form: an ASCII word
    /// whose first byte has no bit is no negator, with no hashing.
    private let negatorStarts: (UInt64, UInt64)
    private let answers: IntentMatcher
    public let keywords: KeywordIndex
    /// Problems in the conversation data, such as a pattern that doesn't compile.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Compiles `script` beside the flows, in load order, over the shared `concepts`.
    public init(script: ConversationScript, flows: [Flow], concepts: ConceptTable) {
        self.script = script
        var table = concepts
        for name in script.concepts.keys.sorted() { table.define(name, members: script.concepts[name]!) }
        table.define("mention_cue", members: script.mentions)
        var diagnostics: [Diagnostic] = []
        // Groups of plain alternatives become concepts, so a long list of words compiles to few forms.
        var compiledTopics: [(Int, Pattern)] = []
        for (number, topic) in script.topics.enumerated() {
            for pattern in topic.patterns {
                do throws(PatternError) { compiledTopics.append((number, try Pattern(pattern.value).compacted(into: &table))) } catch {
                    diagnostics.append(Diagnostic(at: pattern.position, code: "F017", message: "bad pattern: \(error.message)", hint: error.hint))
                }
            }
        }
        let compiledRequests = script.requests.compactMap { try? Pattern($0).compacted(into: &table) }
        let compiledAnswers = script.nonAnswers.compactMap { try? Pattern($0).compacted(into: &table) }
        let compiledSkips = script.skips.compactMap { try? Pattern($0).compacted(into: &table) }
        var compiledMentions: [(String, Pattern)] = []
        let known = Set(flows.map(\.id.value))
        for flow in script.names.keys.sorted() where known.contains(flow) && !script.mentions.isEmpty {
            let names = script.names[flow]!.map { Normalizer.words($0).joined(separator: " ") }.filter { !$0.isEmpty }
            guard !names.isEmpty, let pattern = try? Pattern("[*] ~mention_cue [*] (" + names.joined(separator: "|") + ") [*]") else { continue }
            compiledMentions.append((flow, pattern.compacted(into: &table)))
            // An exercise's name, or its id, as the whole line ("support exercise", "the breathing one please").
            let id = Normalizer.words(flow).joined(separator: " ")
            if let alone = try? Pattern("[the|a|that|your] (" + (names.contains(id) ? names : names + [id]).joined(separator: "|") + ") " + Self.nameAlone) {
                compiledMentions.append((flow, alone.compacted(into: &table)))
            }
        }
        var talk = IntentMatcher(concepts: table)
        for (number, pattern) in compiledTopics {
            do throws(PatternError) { try talk.add(intent: "topic:" + String(number), pattern: pattern) } catch {
                let topic = script.topics[number]
                let position = topic.patterns.first { $0.value == pattern.source }?.position ?? topic.position
                diagnostics.append(Diagnostic(at: position, code: "F017", message: "bad pattern: \(error.message)", hint: error.hint))
            }
        }
        for pattern in compiledRequests { try? talk.add(intent: "request", pattern: pattern) }
        for (flow, pattern) in compiledMentions { try? talk.add(intent: "mention:" + flow, pattern: pattern) }
        talk.finish()
        self.talk = talk
        var answers = IntentMatcher(concepts: table)
        for pattern in compiledAnswers { try? answers.add(intent: "nothing", pattern: pattern) }
        // Skips are added last, so a line both patterns fit is a skip.
        for pattern in compiledSkips { try? answers.add(intent: "skip", pattern: pattern) }
        answers.finish()
        self.answers = answers
        negators = Set(script.negators.flatMap(Normalizer.words))
        var starts: (UInt64, UInt64) = (0, 0)
        for negator in negators {
            // Any negator that isn't plain ASCII turns the shortcut off: every bit is set.
            guard let first = negator.utf8.first, negator.utf8.allSatisfy({ $0 < 0x80 }) else { starts = (.max, .max); break }
            if first < 64 { starts.0 |= 1 << UInt64(first) } else { starts.1 |= 1 << UInt64(first - 64) }
        }
        negatorStarts = starts
        var index = KeywordIndex(concepts: concepts, ignoring: Set(script.ignored.flatMap(Normalizer.words)))
        for flow in flows where !flow.isCrisisFlow {
            index.add(intent: flow.id.value, patterns: flow.triggers.compactMap { try? Pattern($0.value) }, examples: flow.examples.map(\.value))
        }
        index.finish()
        keywords = index
        self.diagnostics = diagnostics
    }

    /// Routes `text`, using `matcher` for the flows' triggers.
    public func route(_ text: String, triggers matcher: IntentMatcher) -> Route {
        route(normalized: Normalizer.words(text), triggers: matcher)
    }

    /// Routes a line whose ``Normalizer/words(_:)`` are `words`.
    public func route(normalized words: [String], triggers matcher: IntentMatcher) -> Route {
        // Normalized once; the conversation's own patterns are matched without spelling correction,
        // which only the flows' triggers need, so a line costs about what the first tier costs.
        guard !words.isEmpty else { return Route(tier: .none) }
        var negated = false
        for word in words where isNegator(word) {
            negated = true
            break
        }
        let found = talk.allMatches(words: words)
        func best(_ kind: Topic.Kind, or other: Topic.Kind? = nil) -> (Topic, IntentMatcher.Match)? {
            var broad: (Topic, IntentMatcher.Match)?
            for match in found where match.intent.hasPrefix("topic:") {
                let topic = script.topics[Int(match.intent.dropFirst(6))!]
                guard topic.kind == kind || topic.kind == other else { continue }
                if !topic.broad { return (topic, match) }
                if broad == nil { broad = (topic, match) }
            }
            return broad
        }
        func answer(_ found: (Topic, IntentMatcher.Match)) -> Route {
            Route(tier: Tier(rawValue: found.0.kind.rawValue) ?? .topic, topic: found.0, score: Double(found.1.score), pattern: found.1.trigger)
        }
        // A question about the program is answered as one, even when it names an exercise ("do you store my
        // journal somewhere online?"); otherwise an exercise named after a word like "try" starts it.
        if let meta = best(.meta), !meta.0.broad { return answer(meta) }
        if !negated, let mention = found.first(where: { $0.intent.hasPrefix("mention:") }) {
            return Route(tier: .mention, flow: String(mention.intent.dropFirst(8)), score: Double(mention.score), pattern: mention.trigger)
        }
        if let talk = best(.smalltalk, or: .meta) { return answer(talk) }
        let (trigger, triggerWords) = matcher.matchWithWords(normalized: words)
        let request = found.contains { $0.intent == "request" }
        if let feeling = best(.feeling) {
            // A feeling is met with an offer, unless the person asks for something a trigger fits, or
            // the trigger names a moment more particular than the feeling (a hard session).
            if let trigger {
                if !request && feeling.0.offer.contains(trigger.intent) { return answer(feeling) }
                // A word in passing ("my therapist is away and I feel lost") doesn't outweigh the feeling,
                // but its exercise is offered first.
                if !request && trigger.score < Self.broadTrigger && trigger.intent != CrisisFlow.id {
                    var route = answer(feeling)
                    route.flow = trigger.intent
                    return route
                }
                return Route(tier: .trigger, flow: trigger.intent, score: Double(trigger.score), pattern: trigger.trigger)
            }
            if request, let offer = confidentOffer(triggerWords) { return offer }
            return answer(feeling)
        }
        if let trigger {
            // A trigger that is one word anywhere in the line ("...my therapist..."), yields to a confident
            // offer of another exercise ("my therapist suggested I lean on my support network").
            if trigger.score < Self.broadTrigger {
                if let offer = confidentOffer(triggerWords), offer.flow != trigger.intent { return offer }
                // Nor does it start an exercise uninvited: a longer line that only names the word, and asks
                // for nothing ("gotta walk the dog", "my therapist is away and I feel lost"), is offered it.
                if !request && words.count > Self.shortLine && trigger.intent != CrisisFlow.id {
                    return Route(tier: .keywords, flow: trigger.intent, score: Double(trigger.score), pattern: trigger.trigger)
                }
            }
            return Route(tier: .trigger, flow: trigger.intent, score: Double(trigger.score), pattern: trigger.trigger)
        }
        if let other = best(.topic) { return answer(other) }
        let ranked = keywords.best(words: triggerWords)
        if let first = ranked.first, first.score >= script.offerScore, first.score - (ranked.second ?? 0) >= script.offerMargin {
            return Route(tier: .keywords, flow: first.intent, score: first.score, keywords: first.keywords)
        }
        return Route(tier: .none, score: ranked.first?.score ?? 0, keywords: ranked.first?.keywords ?? [])
    }

    /// Below this specificity a trigger is broad: one word or concept with anything around it.
    static let broadTrigger = 100

    /// The words that may follow an exercise's name when the name is the whole line.
    static let nameAlone = "[exercise|exercises|thing|one|please|pls|now|again|time|session|then]"

    /// A line of at most this many words is a request by itself ("walk", "breathing now").
    static let shortLine = 3

    /// Whether `word` is one of ``negators``: the same as asking the set, skipping most words by
    /// their first byte (two ASCII strings are equal only byte for byte).
    private func isNegator(_ word: String) -> Bool {
        if let first = word.utf8.first, first < 0x80, word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bit = first < 64 ? negatorStarts.0 & (1 << UInt64(first)) : negatorStarts.1 & (1 << UInt64(first - 64))
            if bit == 0 { return false }
        }
        return negators.contains(word)
    }

    /// The second tier's offer for `text`, when its best flow scores enough and well ahead of the next.
    private func confidentOffer(_ words: [String]) -> Route? {
        let ranked = keywords.best(words: words)
        guard let first = ranked.first, first.score >= script.offerScore, first.score - (ranked.second ?? 0) >= script.offerMargin
        else { return nil }
        return Route(tier: .keywords, flow: first.intent, score: first.score, keywords: first.keywords)
    }

    /// What an answer inside an exercise says, when it says nothing.
    public enum NonAnswer: Sendable { case nothing, skip }

    /// Whether `text`, typed as an answer, says nothing ("idk") or skips the question ("next").
    public func nonAnswer(_ text: String) -> NonAnswer? {
        let matches = answers.allMatches(words: Normalizer.words(text))
        if matches.isEmpty { return nil }
        return matches.contains { $0.intent == "skip" } ? .skip : .nothing
    }

    /// The second tier's candidates for `text`, best first, for `chat match --explain`.
    public func candidates(_ text: String, triggers matcher: IntentMatcher) -> [KeywordIndex.Hit] {
        keywords.rank(words: matcher.words(for: text))
    }
}
