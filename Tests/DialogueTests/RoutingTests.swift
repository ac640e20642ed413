import Foundation
import TestSupport
import Testing
@testable import Dialogue

/// Free text reaches the right exercise, offer or reply.
@Suite("Routing")
struct RoutingTests {
    static let devSet = Repository.rows("routing-dev.tsv")

    /// Whether `message` is routed acceptably for `label`, as `tools/score-routing.py` scores it
    /// (the header of `Tests/Fixtures/routing-regression.tsv` says what each label accepts).
    static func acceptable(_ label: String, _ message: String, library: FlowLibrary = Shipped.library) -> Bool {
        let route = library.router.route(message, triggers: library.matcher)
        let started = route.tier == .trigger || route.tier == .mention
        let offered = Array(route.offers { library.flows[$0] != nil }.prefix(Conversation.offerLimit))
        let isCommand = Command.match(message) != nil
        switch label {
        case "feeling": return !started && (route.tier == .feeling || route.tier == .keywords || route.tier == .topic || !offered.isEmpty)
        case "smalltalk", "meta": return isCommand || route.tier == .smalltalk || route.tier == .meta
        case "offtopic": return isCommand || [.none, .smalltalk, .meta, .topic].contains(route.tier)
        case "none": return isCommand || (!started && !route.offered)
        default:
            let ids = label.split(separator: "|").map(String.init)
            if ids.contains(where: { $0 == route.flow || offered.contains($0) }) { return true }
            // Flows another branch adds (habits, mood, safety-plan): any offer is acceptable here.
            return !ids.contains(where: { library.flows[$0] != nil }) && !started && (route.offered || !offered.isEmpty)
        }
    }

    static func accuracy(_ rows: [(String, String)]) -> (Int, [String]) {
        var correct = 0
        var misses: [String] = []
        for (label, message) in rows {
            if acceptable(label, message) { correct += 1 } else { misses.append("\(label): \(message)") }
        }
        return (correct, misses)
    }

    static func regressionRows() throws -> [(String, String)] {
        let text = try String(contentsOfFile: Repository.root + "/Tests/Fixtures/routing-regression.tsv", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> (String, String)? in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    @Test("development set: every line reaches its exercise", .enabled(if: !devSet.isEmpty, "needs ../shared/eval/routing-dev.tsv"))
    func developmentSet() {
        let (correct, misses) = Self.accuracy(Self.devSet)
        #expect(correct == Self.devSet.count, "\(misses)")
    }

    @Test("our regression set: at least 95% of lines are routed acceptably")
    func regressionSet() throws {
        let rows = try Self.regressionRows()
        let (correct, misses) = Self.accuracy(rows)
        print("routing regression set: \(correct)/\(rows.count)")
        #expect(Double(correct) / Double(rows.count) >= 0.95, "\(misses)")
    }

    @Test("small talk, meta questions and off-topic chatter never start an exercise")
    func chatterStartsNothing() throws {
        let chatter = try Self.regressionRows().filter { ["none", "smalltalk", "meta", "offtopic"].contains($0.0) }
        #expect(chatter.count > 50)
        for (_, message) in chatter {
            let route = Shipped.library.router.route(message, triggers: Shipped.library.matcher)
            #expect(route.tier != .trigger && route.tier != .mention, "\(message) started \(route.flow ?? "?")")
        }
    }

    @Test("the first words of the issue's table get a reply that fits", arguments: [
        ("hi", Router.Tier.smalltalk), ("hello", .smalltalk), ("thanks", .smalltalk), ("can we talk", .meta),
        ("can you help me", .meta), ("are you a real person", .meta), ("who are you", .meta), ("I'm sad", .feeling),
        ("I feel awful", .feeling), ("I had a really bad day", .feeling), ("I'm exhausted", .feeling), ("I miss my mom", .feeling),
        ("I'm angry at my boss", .feeling), ("I feel worse after therapy today", .trigger), ("my session today was rough", .trigger),
        ("my therapist said I should try breathing", .mention), ("help me put a positive spin on this", .trigger),
        ("I want to cut back on drinking", .trigger), ("I keep smoking and want to stop", .trigger),
    ])
    func firstWords(line: String, tier: Router.Tier) {
        let route = Shipped.library.router.route(line, triggers: Shipped.library.matcher)
        #expect(route.tier == tier, "\(line): \(route.tier) \(route.flow ?? route.topic?.id ?? "")")
    }

    @Test("a hard session starts after-session, and a suggested exercise starts that exercise")
    func particularFlows() {
        let router = Shipped.library.router
        #expect(router.route("I feel worse after therapy today", triggers: Shipped.library.matcher).flow == "after-session")
        #expect(router.route("my session today was rough", triggers: Shipped.library.matcher).flow == "after-session")
        #expect(router.route("my therapist said I should try breathing", triggers: Shipped.library.matcher).flow == "breathing")
        #expect(router.route("my counsellor suggested grounding", triggers: Shipped.library.matcher).flow == "grounding")
        #expect(router.route("I don't want to try breathing", triggers: Shipped.library.matcher).tier != .mention)
    }

    @Test("a trigger of one word anywhere ('counsellor') yields to a confident offer of another exercise")
    func broadTriggerYields() {
        let line = "My counsellor wants me to lean on the people close to me more. How do I start asking them for help?"
        let route = Shipped.library.router.route(line, triggers: Shipped.library.matcher)
        #expect(route.tier == .keywords && route.offered && route.flow == "support")
        // With nothing else to offer, the broad trigger still decides.
        #expect(Shipped.library.router.route("I want to make a list for my therapist", triggers: Shipped.library.matcher).flow == "therapist")
    }

    @Test("a word of one exercise said in passing, in a line that asks for nothing, is offered, not started")
    func broadTriggerInPassing() {
        let route = { (line: String) in Shipped.library.router.route(line, triggers: Shipped.library.matcher) }
        for (line, flow) in [("gotta walk the dog, bye", "walk"), ("the therapist on that show is wild lol", "therapist")] {
            #expect(route(line).tier == .keywords && route(line).offered && route(line).flow == flow, "\(line)")
        }
        // A short line is a request by itself, and so is a line that asks or opens with a verb.
        #expect(route("walk").tier == .mention || route("walk").tier == .trigger)
        #expect(route("add this to my therapy notes").tier == .trigger)
        #expect(route("can we go for a walk").tier == .trigger)
        // The crisis flow's triggers are never only offered.
        #expect(route("is there a hotline I can call").flow == "crisis" && !route("is there a hotline I can call").offered)
    }

    @Test("a feeling with a word of an exercise in passing is answered as a feeling, offering that exercise first")
    func feelingWithWordInPassing() {
        let route = Shipped.library.router.route("my therapist is on vacation for three weeks and I feel kind of lost", triggers: Shipped.library.matcher)
        #expect(route.tier == .feeling)
        #expect(route.offers { Shipped.library.flows[$0] != nil }.first == "therapist")
    }

    @Test("an exercise's name as the whole line starts it", arguments: [
        ("support exercise", "support"), ("the breathing one please", "breathing"), ("grounding exercise", "grounding"),
    ])
    func nameAlone(line: String, flow: String) {
        let route = Shipped.library.router.route(line, triggers: Shipped.library.matcher)
        #expect(route.flow == flow && !route.offered)
    }

    @Test("a question about the program is answered as one, even when it names an exercise")
    func metaBeforeMention() {
        for line in ["will you keep my journal entries private or send them somewhere", "does this app save my diary",
                     "does my therapist get to see these messages?", "how do I delete my journal entries", "Are you using AI to answer me?"] {
            let route = Shipped.library.router.route(line, triggers: Shipped.library.matcher)
            #expect(route.tier == .meta && route.flow == nil, "\(line)")
        }
        #expect(Shipped.library.router.route("can we do the breathing thing", triggers: Shipped.library.matcher).flow == "breathing")
    }

    @Test("a line that only sounds like an exercise is offered, with the keywords that counted")
    func secondTier() {
        let route = Shipped.library.router.route("want a list of feel better ideas", triggers: Shipped.library.matcher)
        #expect(route.tier == .keywords)
        #expect(route.offered && route.flow == "self-care")
        #expect(route.keywords.contains("list"))
        #expect(!route.keywords.contains("want"))
    }

    @Test("the archive gives back the same routes")
    func readBack() throws {
        for (_, message) in try Self.regressionRows().prefix(200) {
            let a = Shipped.library.router.route(message, triggers: Shipped.library.matcher)
            let b = Shipped.readBack.router.route(message, triggers: Shipped.readBack.matcher)
            #expect(a.tier == b.tier && a.flow == b.flow && a.topic?.id == b.topic?.id, "\(message)")
        }
    }
}
