import ArgumentParser
import Dialogue
import Foundation
import Intents

/// `chat match`: which flow each line would start, and why. (Named so, not `Match`, so that it is
/// never confused with ``IntentMatcher/Match``, what a line matched.)
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Print the flow each line would start (or none), with its score and trigger.",
        discussion: """
            Reads TEXT arguments, or lines from standard input. Each output line starts with the flow id \
            started or offered, or 'none', then the tier (trigger, mention, keywords for an offer, or \
            feeling:NAME, smalltalk:NAME, meta:NAME, topic:NAME, command:NAME, none), the score, the \
            trigger or the keywords that counted, and the flows offered. --explain also shows the \
            normalized words, the close candidates, and what the safety screen found, for review.
            """)

    @Argument(help: "Lines to match (default: read standard input).")
    var texts: [String] = []

    @Flag(help: "Show the normalized words, every candidate, and the safety screen's reasoning.")
    var explain = false

    @Flag(help: """
        Print load time, lines and lines per second to standard error (for benchmarks). Timed like the \
        peer benchmarks: all lines are read first, and the clock stops before the output is written.
        """)
    var stats = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let started = DispatchTime.now()
        let library = self.library.load(includeUserFolderByDefault: false)
        // The command patterns are compiled with the rules, not on the first line.
        Command.prepare()
        let loaded = DispatchTime.now()
        var matching = loaded
        var count = 0
        var out: [UInt8] = []
        // Read once: an option's value goes through its property wrapper at every read.
        let explain = explain, stats = stats
        func handle(_ line: String) {
            count += 1
            if explain {
                out += Explanation(library: library, text: line).rendered.utf8
            } else {
                Self.appendRow(library, line, to: &out)
            }
            if !stats, out.count > 65_536 {
                Output.write(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
        }
        var done = loaded
        if stats {
            var lines = texts
            if lines.isEmpty {
                var reader = LineReader()
                while let line = reader.next() { lines.append(line) }
            }
            matching = DispatchTime.now()
            lines.forEach(handle)
            done = DispatchTime.now()
        } else if texts.isEmpty {
            var reader = LineReader()
            while let line = reader.next() { handle(line) }
        } else {
            texts.forEach(handle)
        }
        Output.write(String(decoding: out, as: UTF8.self))
        if stats {
            let load = Double(loaded.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let match = Double(done.uptimeNanoseconds - matching.uptimeNanoseconds) / 1e9
            Output.error(String(format: "chat load_s=%.3f lines=%d lines_per_s=%.0f flows=%d\n", load, count,
                                match > 0 ? Double(count) / match : 0, library.flows.count))
        }
    }
}

extension MatchCommand {
    /// One output row: flow, tier, score, trigger or keywords, offered flows.
    static func row(_ library: FlowLibrary, _ line: String) -> String {
        var out: [UInt8] = []
        appendRow(library, line, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the bytes of ``row(_:_:)`` to `out`, piece by piece.
    static func appendRow(_ library: FlowLibrary, _ line: String, to out: inout [UInt8]) {
        // Normalized once, for the commands and every tier of routing.
        let words = Normalizer.words(line)
        if let command = Command.match(normalized: words) {
            out += "none\tcommand:".utf8
            out += command.rawValue.utf8
            out += "\t0\t-\t\n".utf8
            return
        }
        let tab = UInt8(ascii: "\t")
        let route = library.router.route(normalized: words, triggers: library.matcher)
        out += (route.flow ?? "none").utf8
        out.append(tab)
        out += route.tier.rawValue.utf8
        if let topic = route.topic {
            out.append(UInt8(ascii: ":"))
            out += topic.id.utf8
        }
        out.append(tab)
        if route.score == route.score.rounded() {
            out += String(Int(route.score)).utf8
        } else {
            out += String(Double(Int(route.score * 100)) / 100).utf8
        }
        out.append(tab)
        if let pattern = route.pattern {
            out += pattern.utf8
        } else if route.keywords.isEmpty {
            out.append(UInt8(ascii: "-"))
        } else {
            for (index, keyword) in route.keywords.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                out += keyword.utf8
            }
        }
        out.append(tab)
        for (index, flow) in route.offers({ library.flows[$0] != nil }).prefix(Conversation.offerLimit).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += flow.utf8
        }
        out.append(UInt8(ascii: "\n"))
    }
}

/// The reasoning behind one line's routing and safety verdict, for people reviewing rules.
struct Explanation {
    /// A learned-net feature as a reviewer reads it: a word, a pair of words, or a piece of a word.
    static func describe(_ gram: String) -> String {
        switch gram.first {
        case "w": "word '\(gram.dropFirst(2))'"
        case "b": "words '\(gram.dropFirst(2))'"
        default: "letters '\(gram.dropFirst())'"
        }
    }

    let library: FlowLibrary
    let text: String

    var rendered: String {
        let words = library.matcher.words(for: text)
        var out = "input: \(text)\n"
        out += "words: \(words.joined(separator: " "))\n"
        let assessment = library.screen.assess(text, explain: true)
        out += "safety: \(assessment.tier) (\(assessment.category.rawValue))\n"
        out += "  screened words: \(assessment.normalized)\n"
        for figure in assessment.figures { out += "  figure of speech set aside: \(figure)\n" }
        for hit in assessment.hits {
            var notes: [String] = []
            if hit.negated { notes.append("negated or in the past") }
            if hit.joking { notes.append("joking") }
            if hit.aboutSomeoneElse { notes.append("about someone else") }
            let note = notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"
            out += "  signal \(hit.signal)\(note): '\(hit.words)' by pattern '\(hit.pattern)'\n"
        }
        for combination in assessment.combinations { out += "  combination raised the tier: \(combination)\n" }
        if let score = assessment.score, let model = library.screen.model {
            func number(_ value: Double) -> String { String(format: "%.2f", value) }
            out += "  learned net: risk \(number(score.risk)) (concern from \(number(model.concernThreshold)), crisis from "
            out += "\(number(model.crisisThreshold))), urgency \(number(score.urgency)) (emergency from \(number(model.emergencyThreshold)))\n"
            if !score.weighed.isEmpty {
                out += "    weighed most: " + score.weighed.map { "\(Self.describe($0.gram)) \(number($0.weight))" }.joined(separator: ", ") + "\n"
            }
            if assessment.held {
                out += "    the rules held this at concern for the net: a crisis from risk \(number(model.secondOpinionThreshold))"
                out += score.words < SafetyScreen.fewestWordsForModel ? ", and a line this short is a crisis\n" : "\n"
            }
            if assessment.jokeSoftened {
                out += "    a joke took a crisis down a step: the net restores it from risk \(number(model.secondOpinionThreshold))\n"
            }
            if let rules = assessment.rulesTier { out += "    raised the tier from \(rules) (the rules) to \(assessment.tier)\n" }
        }
        if assessment.tier >= .concern {
            out += "  => the crisis flow starts at '\(CrisisFlow.Entry(for: assessment).step)'; routing below is not used\n"
        }
        let row = MatchCommand.row(library, text).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        out += "decision: \(row[0]) (\(row[1]), score \(row[2]))" + (row[4].count > 1 ? ", offers \(row[4].dropLast())" : "") + "\n"
        let candidates = library.matcher.allMatches(words: words)
        if candidates.isEmpty {
            out += "triggers: none fits the whole line\n"
        } else {
            for (index, candidate) in candidates.prefix(5).enumerated() {
                out += index == 0 ? "route: \(candidate.intent)" : "  lost: \(candidate.intent)"
                out += " (score \(candidate.score), trigger '\(candidate.trigger)')\n"
            }
        }
        let ranked = library.router.candidates(text, triggers: library.matcher)
        if ranked.isEmpty {
            out += "keywords: none shared with any flow\n"
        } else {
            for hit in ranked.prefix(3) {
                out += "keywords: \(hit.intent) " + String(format: "%.2f", hit.score) + " from " + hit.keywords.joined(separator: ", ") + "\n"
            }
            out += "  (an offer needs " + String(format: "%.2f", library.router.script.offerScore) + ", and "
                + String(format: "%.2f", library.router.script.offerMargin) + " over the next flow)\n"
        }
        return out
    }
}
