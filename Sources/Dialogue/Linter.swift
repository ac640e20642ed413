import Foundation
import Intents

/// Checks a whole library: every file's problems plus those between flows (shadowed
/// triggers, examples that route elsewhere) and in the safety data.
public enum Linter {
    /// Every diagnostic for `library`, sorted by file and line.
    public static func lint(_ library: FlowLibrary) -> [Diagnostic] {
        var problems = library.diagnostics
        problems += triggerOverlaps(library)
        problems += examples(library)
        problems += library.screen.problems.map {
            Diagnostic(path: "safety lexicon", line: 1, column: 1, code: "S004", message: "pattern can't be compiled: \($0)")
        }
        problems += crisisLines(library.directory)
        var seen = Set<String>()
        return problems.filter { seen.insert($0.description).inserted }
            .sorted { ($0.path, $0.line, $0.column, $0.code) < ($1.path, $1.line, $1.column, $1.code) }
    }

    /// Problems in a data file that is not a flow (concepts, a list, the safety lexicon, the crisis
    /// lines), or nil when `path` is none of those and should be read as a flow.
    public static func lintDataFile(_ path: String) -> [Diagnostic]? {
        let name = (path as NSString).lastPathComponent
        let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        do {
            switch name {
            case "concepts.yaml":
                _ = try DataFileLoader.concepts(path: path)
                return []
            case "lexicon.yaml":
                let screen = SafetyScreen(lexicon: SafetyLexicon.builtIn.adding(try DataFileLoader.lexicon(path: path)))
                return screen.problems.map {
                    Diagnostic(path: path, line: 1, column: 1, code: "S004", message: "pattern can't be compiled: \($0)")
                }
            case "crisis-lines.yaml":
                return crisisLines(try CrisisDirectory.load(path: path)).map {
                    var copy = $0
                    copy.path = path
                    return copy
                }
            default:
                guard folder == "lists" else { return nil }
                let list = try DataFileLoader.list(path: path)
                let conceptsPath = ((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent + "/concepts.yaml"
                var concepts = ConceptTable()
                if FileManager.default.fileExists(atPath: conceptsPath) {
                    for (name, members) in try DataFileLoader.concepts(path: conceptsPath) { concepts.define(name, members: members.value) }
                }
                var problems: [Diagnostic] = []
                for pattern in list.items.flatMap(\.patterns) {
                    do { _ = try Pattern(pattern.value).linearized(concepts: concepts) } catch {
                        problems.append(Diagnostic(at: pattern.position, code: "F017", message: "bad pattern: \(error.message)",
                                                   hint: error.hint))
                    }
                }
                return problems
            }
        } catch {
            return [error]
        }
    }

    /// The same trigger in two flows, or a trigger that can only match what another flow's trigger already matches.
    static func triggerOverlaps(_ library: FlowLibrary) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var owners: [LinearPattern: (flow: String, trigger: Located<String>)] = [:]
        for id in library.order {
            guard let flow = library.flows[id] else { continue }
            for trigger in flow.triggers {
                guard let forms = try? Pattern(trigger.value).linearized(concepts: library.concepts) else { continue }
                var shadowed: (String, Located<String>)?
                for form in forms {
                    if let owner = owners[form], owner.flow != id { shadowed = owner } else { owners[form] = (id, trigger) }
                }
                if let (other, otherTrigger) = shadowed {
                    let same = Normalizer.normalized(otherTrigger.value) == Normalizer.normalized(trigger.value)
                    problems.append(Diagnostic(
                        at: trigger.position, code: same ? "F016" : "F019",
                        message: same ? "trigger '\(trigger.value)' is also a trigger of flow '\(other)'"
                            : "trigger '\(trigger.value)' overlaps flow '\(other)''s trigger '\(otherTrigger.value)'",
                        hint: "defined at \(otherTrigger.position); make one of them more specific"))
                }
            }
        }
        return problems
    }

    /// Examples that don't start their flow, and counterexamples that do.
    static func examples(_ library: FlowLibrary) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for id in library.order {
            guard let flow = library.flows[id] else { continue }
            for example in flow.examples {
                let assessment = library.screen.assess(example.value)
                if assessment.tier >= .concern, id != CrisisFlow.id {
                    problems.append(Diagnostic(at: example.position, code: "F029",
                                               message: "example '\(example.value)' sets off the safety screen (\(assessment.tier))",
                                               hint: "the screen runs first, so this line can never start '\(id)'"))
                    continue
                }
                let matches = library.matcher.allMatches(words: library.matcher.words(for: example.value))
                guard let best = matches.first else {
                    problems.append(Diagnostic(at: example.position, code: "F020", message: "example '\(example.value)' matches no trigger",
                                               hint: "add a trigger to '\(id)' that fits it"))
                    continue
                }
                if best.intent != id {
                    let own = matches.first { $0.intent == id }
                    problems.append(Diagnostic(
                        at: example.position, code: "F021",
                        message: "example '\(example.value)' is taken by flow '\(best.intent)' (trigger '\(best.trigger)')",
                        hint: own.map { "'\(id)' matches with '\($0.trigger)' but scores \($0.score) against \(best.score); make it more specific" }
                            ?? "no trigger of '\(id)' matches it"))
                }
            }
            for counter in flow.counterexamples {
                if let best = library.matcher.match(counter.value), best.intent == id {
                    problems.append(Diagnostic(at: counter.position, code: "F022",
                                               message: "counterexample '\(counter.value)' starts this flow (trigger '\(best.trigger)')",
                                               hint: "narrow that trigger"))
                }
            }
        }
        return problems
    }

    /// Crisis lines without a source or a verification date, and retired numbers shown as current,
    /// in the regions read from the data file.
    static func crisisLines(_ directory: CrisisDirectory) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for code in directory.regionsFromFile.sorted() {
            let region = directory.regions[code]!
            for line in region.lines + region.danger {
                if line.source == nil || line.verified == nil {
                    problems.append(Diagnostic(path: "crisis-lines.yaml", line: 1, column: 1, code: "S005",
                                               message: "\(code): '\(line.name)' has no \(line.source == nil ? "source" : "verified date")",
                                               hint: "add `source:` (an official page) and `verified:` (the date you checked it)"))
                }
            }
        }
        for hidden in directory.hiddenRetired {
            problems.append(Diagnostic(path: "crisis-lines.yaml", line: 1, column: 1, code: "S006",
                                       message: "\(hidden.region): '\(hidden.name)' lists the retired number \(hidden.number); it is never shown",
                                       hint: "remove it from the current lines"))
        }
        return problems
    }
}
