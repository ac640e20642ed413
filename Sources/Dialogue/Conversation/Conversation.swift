import Foundation
import Intents

/// The talk around the exercises: answers to small talk and feelings, and the exercises on offer.
///
/// It decides what to say; ``Session`` says it, fills in the templates, and starts a flow when an
/// offer is taken. An offer stays open for one answer: a number, a name, yes, no or maybe. Anything
/// else closes it and is routed as a new line.
public struct Conversation: Sendable {
    /// What to do with a line.
    public enum Outcome: Sendable, Equatable {
        /// Say these templates, with these variables.
        case say([String], [String: String])
        /// Start this flow.
        case start(String)
        /// Nothing fits: the honest "not understood" and the menu.
        case notUnderstood
    }

    private var picker: VariantPicker
    /// The flows on offer, in the order shown; empty when nothing is offered.
    public private(set) var offered: [String] = []
    /// The last offer made for each topic, so the same one isn't made twice in a row.
    private var lastOffer: [String: [String]] = [:]
    /// The topic answered last, so a reply isn't repeated word for word.
    private var lastTopic: String?

    /// Most exercises offered at once.
    public static let offerLimit = 3

    public init(seed: UInt64) { picker = VariantPicker(seed: seed ^ 0x5EED) }

    /// Closes any open offer.
    public mutating func forget() { offered = [] }

    /// One variant of a shared line of the script, or `fallback`.
    mutating func line(_ name: String, _ script: ConversationScript, fallback: String) -> String {
        let variants = script.line(name)
        guard !variants.isEmpty else { return fallback }
        return variants[picker.pick("line/" + name, count: variants.count)]
    }

    /// Answers `text` while an offer is open, or nil (closing the offer) when it is about something else.
    public mutating func answerOffer(_ text: String, library: FlowLibrary) -> Outcome? {
        guard !offered.isEmpty else { return nil }
        let script = library.router.script
        let words = Normalizer.words(text)
        if let number = Int(text.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))) {
            guard number >= 1, number <= offered.count else {
                return .say([line("offer-number", script, fallback: "Please pick a number from the list, or tell me what's on your mind.")]
                            + numbered(library), [:])
            }
            return .start(offered[number - 1])
        }
        if let chosen = named(words, library) { return .start(chosen) }
        switch Answer.yesNo(text) {
        case .yes?:
            if offered.count == 1 { return .start(offered[0]) }
            return .say([line("offer-which", script, fallback: "Which one would you like? Type its number.")] + numbered(library), [:])
        case .no?:
            offered = []
            return .say([line("offer-declined", script, fallback: "That's okay.")], [:])
        case .unsure?:
            return .say([line(offered.count == 1 ? "offer-unsure-one" : "offer-unsure", script,
                              fallback: "That's fine. You can say yes or no, or tell me more.")], [:])
        case nil:
            offered = []
            return nil
        }
    }

    /// The offered flow `words` name, by its title or one of its names, if exactly one fits.
    private func named(_ words: [String], _ library: FlowLibrary) -> String? {
        guard !words.isEmpty, words.count <= 6 else { return nil }
        let line = " " + words.joined(separator: " ") + " "
        let fits = offered.filter { id in
            let names = (library.router.script.names[id] ?? []) + [library.flows[id]?.title ?? id]
            return names.contains { name in
                let phrase = Normalizer.words(name).joined(separator: " ")
                return !phrase.isEmpty && line.contains(" " + phrase + " ")
            }
        }
        return fits.count == 1 ? fits[0] : nil
    }

    /// Answers a line the router has placed.
    public mutating func respond(to route: Router.Route, text: String, library: FlowLibrary) -> Outcome {
        let script = library.router.script
        switch route.tier {
        case .mention, .trigger:
            return route.flow.map { .start($0) } ?? .notUnderstood
        case .keywords:
            guard let flow = route.flow, let title = library.flows[flow]?.title else { return .notUnderstood }
            offered = [flow]
            let text = script.offers[flow] ?? line("offer-one", script, fallback: "Would you like to try {{title}}?")
            return .say([text], ["title": title])
        case .smalltalk, .meta, .feeling, .topic:
            guard let topic = route.topic else { return .notUnderstood }
            var variables: [String: String] = [:]
            var variants = topic.say
            if !topic.reflect.isEmpty, let echo = Reflection.echo(text, swaps: script.swaps, limit: script.echoWords) {
                variables["echo"] = echo
                variants = topic.reflect
            }
            let key = "topic/" + topic.id + (variables["echo"] == nil ? "" : "/echo")
            var lines = [variants[picker.pick(key, count: variants.count)]]
            lastTopic = topic.id
            let flows = route.offers { library.flows[$0] != nil }
            if !flows.isEmpty {
                lines += offer(flows, topic: topic.id, library: library)
            } else {
                offered = []
            }
            return .say(lines, variables)
        case .none:
            offered = []
            return .notUnderstood
        }
    }

    /// Opens an offer of some of `flows` and returns the lines that make it; the same offer is not
    /// made twice in a row for one topic.
    public mutating func offer(_ flows: [String], topic: String, library: FlowLibrary) -> [String] {
        var choice = Array(flows.prefix(Self.offerLimit))
        if flows.count > Self.offerLimit, lastOffer[topic] == choice {
            choice = Array((flows.dropFirst() + flows.prefix(1)).prefix(Self.offerLimit))
        }
        lastOffer[topic] = choice
        offered = choice
        let script = library.router.script
        if choice.count == 1, let title = library.flows[choice[0]]?.title {
            return [line("offer-single", script, fallback: "Would you like to try {{title}}?").replacingOccurrences(of: "{{title}}", with: title)]
        }
        return [line("offer-intro", script, fallback: "If you'd like, we could try one of these:")] + numbered(library)
            + [line("offer-choose", script, fallback: "Type a number or a name, or just keep talking.")]
    }

    /// The open offer as a numbered list of titles.
    private func numbered(_ library: FlowLibrary) -> [String] {
        offered.enumerated().map { "\($0.offset + 1). " + (library.flows[$0.element]?.title ?? $0.element) }
    }
}
