import Foundation
import Intents

/// Reads and compiles a ``FlowLibrary`` from its ``FlowLibrary/Sources``: concepts, lists, the
/// safety lexicon and model, the crisis lines, the shipped flows and the person's own, and the
/// conversation script.
///
/// Loading never fails. A broken file becomes a diagnostic and is skipped; a flow of the
/// person's own that has errors gives one warning and the shipped flow it replaced (if any) is
/// used; the crisis flow, lexicon and lines fall back to compiled-in copies.
///
/// ```swift
/// let library = LibraryLoader(FlowLibrary.Sources(scripts: "Scripts")).load()
/// ```
public struct LibraryLoader: Sendable {
    public let sources: FlowLibrary.Sources

    public init(_ sources: FlowLibrary.Sources) { self.sources = sources }

    /// The flow files the sources name, read and checked, before their triggers are compiled.
    public struct Flows: Sendable {
        /// Flows by id.
        public var flows: [String: Flow] = [:]
        /// Ids in the order their files were read: shipped first, then the person's own. Among
        /// equally specific triggers the last one read wins.
        public var loadOrder: [String] = []
        /// Problems found, in the order they were found.
        public var diagnostics: [Diagnostic] = []
        /// Paths of the person's own files that were loaded.
        var userPaths: Set<String> = []
        /// The shipped flows the person's own files replaced, to fall back on.
        var shippedVersions: [String: Flow] = [:]
    }

    /// Loads everything, using the other core for the safety screen and the lists while the flows load.
    public func load() -> FlowLibrary {
        let (table, conceptProblems) = concepts()
        let safety = Background { safetyScreen() }
        let (directory, directoryProblem) = crisisDirectory()
        let compiledLists = Background { [table] in lists(concepts: table) }
        let read = readFlows()
        let (classifiers, listProblems) = compiledLists.value
        let checked = Self.validate(read, concepts: table, lists: Set(classifiers.keys))
        let order: [String] = checked.flows.values.sorted { (a: Flow, b: Flow) in
            (a.order, a.title, a.id.value) < (b.order, b.title, b.id.value)
        }.map { $0.id.value }
        let compiled = Self.compilePatterns(checked, concepts: table)
        let (conversation, scriptProblems) = script()
        let router = Router(script: conversation, flows: order.compactMap { checked.flows[$0] }, concepts: table)
        let (screen, safetyProblem) = safety.value
        var diagnostics: [Diagnostic] = conceptProblems
        if let directoryProblem { diagnostics.append(directoryProblem) }
        diagnostics += listProblems
        diagnostics += checked.diagnostics
        diagnostics += compiled.problems
        diagnostics += scriptProblems
        diagnostics += router.diagnostics
        diagnostics += Self.offerProblems(checked.flows)
        if let safetyProblem { diagnostics.append(safetyProblem) }
        return FlowLibrary(flows: checked.flows, order: order, matcher: compiled.matcher, concepts: table, lists: classifiers,
                           choiceMatchers: compiled.choices, screen: screen, directory: directory, router: router,
                           diagnostics: diagnostics)
    }

    // MARK: - Data files

    /// The concepts of the `Scripts` folder and of each flow folder (`concepts.yaml`).
    public func concepts() -> (ConceptTable, [Diagnostic]) {
        var table = ConceptTable()
        var diagnostics: [Diagnostic] = []
        let files = ([sources.scripts] + sources.flowFolders.map { Optional($0) }).compactMap { $0 }
            .map { $0 + "/concepts.yaml" }.filter { FileManager.default.fileExists(atPath: $0) }
        for path in files {
            do {
                let concepts = try DataFileLoader.concepts(path: path)
                for name in concepts.keys.sorted() { table.define(name, members: concepts[name]!.value) }
            } catch { diagnostics.append(error) }
        }
        return (table, diagnostics)
    }

    /// The safety screen: the compiled-in lexicon and model, with the shipped files' when they
    /// differ and can be read; otherwise a warning, and the compiled-in copy.
    public func safetyScreen() -> (SafetyScreen, Diagnostic?) {
        var lexicon = SafetyLexicon.builtIn
        var problem: Diagnostic?
        if let scripts = sources.scripts {
            let path = scripts + "/safety/lexicon.yaml"
            // The shipped file, unchanged, is exactly the compiled-in lexicon: nothing to parse.
            let unchanged = FileManager.default.contents(atPath: path)
                .map { data in data.withUnsafeBytes { SafetyLexicon.digest(of: $0) } == SafetyLexicon.builtInSourceDigest } ?? false
            if !unchanged, FileManager.default.fileExists(atPath: path) {
                do throws(Diagnostic) { lexicon = lexicon.adding(try DataFileLoader.lexicon(path: path)) } catch {
                    problem = Self.warning(error, "the compiled-in safety lexicon is used instead")
                }
            }
        }
        var model = SafetyModel.builtIn
        if let scripts = sources.scripts, FileManager.default.fileExists(atPath: scripts + "/safety/model.txt") {
            do throws(SafetyModelError) { model = try SafetyModel.load(path: scripts + "/safety/model.txt") } catch {
                let warning = Diagnostic(path: error.path, line: error.line, column: 1, severity: .warning, code: "S009",
                                         message: error.message + "; the compiled-in safety model is used instead", hint: error.hint)
                problem = problem ?? warning
            }
        }
        return (SafetyScreen(lexicon: lexicon, model: model), problem)
    }

    /// The crisis lines: the shipped file, or the compiled-in copy and a warning.
    public func crisisDirectory() -> (CrisisDirectory, Diagnostic?) {
        guard let scripts = sources.scripts, FileManager.default.fileExists(atPath: scripts + "/safety/crisis-lines.yaml") else {
            return (.builtIn, nil)
        }
        do { return (try CrisisDirectory.load(path: scripts + "/safety/crisis-lines.yaml"), nil) } catch {
            return (.builtIn, Self.warning(error, "the compiled-in crisis lines are used instead"))
        }
    }

    /// The classify lists in `Scripts/lists`, with their patterns compiled.
    public func lists(concepts: ConceptTable) -> ([String: FlowLibrary.CompiledList], [Diagnostic]) {
        var lists: [String: FlowLibrary.CompiledList] = [:]
        var diagnostics: [Diagnostic] = []
        guard let scripts = sources.scripts else { return (lists, diagnostics) }
        for path in Self.yamlFiles(in: scripts + "/lists") {
            do throws(Diagnostic) {
                let list = try DataFileLoader.list(path: path)
                var matcher = IntentMatcher(concepts: concepts)
                for item in list.items {
                    for pattern in item.patterns {
                        do throws(PatternError) { try matcher.add(intent: item.name, pattern: pattern.value) } catch {
                            diagnostics.append(Diagnostic(at: pattern.position, code: "F017", message: error.message, hint: error.hint))
                        }
                    }
                }
                matcher.finish()
                lists[list.id] = FlowLibrary.CompiledList(list: list, matcher: matcher)
            } catch { diagnostics.append(error) }
        }
        return (lists, diagnostics)
    }

    /// The conversation script in `Scripts/conversation` (empty with no `Scripts` folder).
    public func script() -> (ConversationScript, [Diagnostic]) {
        guard let scripts = sources.scripts else { return (ConversationScript(), []) }
        return ConversationScript.load(folder: scripts + "/conversation")
    }

    // MARK: - Flows

    /// Reads the shipped flow folders and files, then the person's own folders, which may add
    /// flows and replace shipped ones by id, but never the crisis flow. The crisis flow is the
    /// shipped one when it is complete, else the compiled-in copy (see ``CrisisFlow``).
    public func readFlows() -> Flows {
        var read = Flows()
        for folder in sources.flowFolders {
            if let problem = Self.folderProblem(folder) { read.diagnostics.append(problem) }
        }
        for folder in sources.userFolders {
            if let problem = Self.folderProblem(folder) { read.diagnostics.append(Self.warning(problem, "none of your flows there are loaded")) }
        }
        for path in sources.flowFolders.flatMap(Self.yamlFiles) + sources.flowFiles {
            do {
                let (flow, warnings) = try FlowLoader.loadReporting(path: path)
                read.diagnostics += warnings
                if let existing = read.flows[flow.id.value] {
                    read.diagnostics.append(Diagnostic(at: flow.id.position, code: "F015",
                                                       message: "duplicate flow id '\(flow.id.value)'; this file is skipped",
                                                       hint: "it is already defined in \(existing.path); give one of them a new id"))
                    continue
                }
                read.flows[flow.id.value] = flow
                read.loadOrder.append(flow.id.value)
            } catch { read.diagnostics.append(error) }
        }
        for folder in sources.userFolders {
            for path in Self.yamlFiles(in: folder) {
                do {
                    let (flow, warnings) = try FlowLoader.loadReporting(path: path)
                    read.diagnostics += warnings
                    if let problem = CrisisFlow.userReplacementProblem(flow) {
                        read.diagnostics.append(problem)
                        continue
                    }
                    if let shipped = read.flows[flow.id.value], !read.userPaths.contains(shipped.path) {
                        read.shippedVersions[flow.id.value] = shipped
                    }
                    read.flows[flow.id.value] = flow
                    read.loadOrder.removeAll { $0 == flow.id.value }
                    read.loadOrder.append(flow.id.value)
                    read.userPaths.insert(path)
                } catch { read.diagnostics.append(Self.warning(error, "this file is skipped")) }
            }
        }
        let crisis = CrisisFlow.resolve(read.flows[CrisisFlow.id])
        read.flows[CrisisFlow.id] = crisis.flow
        read.diagnostics += crisis.problems
        if !read.loadOrder.contains(CrisisFlow.id) { read.loadOrder.insert(CrisisFlow.id, at: 0) }
        return read
    }

    /// `read` with each flow validated on its own. A shipped flow with errors is dropped (the
    /// crisis flow gives way to the compiled-in copy); a flow of the person's own with errors
    /// gives one warning and the shipped flow it replaced, if any, comes back.
    public static func validate(_ read: Flows, concepts: ConceptTable, lists: Set<String>) -> Flows {
        var checked = read
        for id in read.flows.keys.sorted() {
            let flow = read.flows[id]!
            let own = read.userPaths.contains(flow.path)
            // Shipped triggers are compiled once, in compilePatterns, and report their own errors there.
            let problems = FlowValidator.validate(flow, concepts: concepts, lists: lists, checkPatterns: own)
            if own {
                if let first = problems.first(where: { $0.severity == .error }) {
                    let shipped = read.shippedVersions[id]
                    checked.diagnostics.append(Self.warning(first, shipped == nil ? "this file is skipped"
                                                                                  : "this file is skipped and the shipped '\(id)' is used"))
                    checked.flows[id] = shipped
                }
                continue
            }
            checked.diagnostics += problems
            if problems.contains(where: { $0.severity == .error }) {
                checked.flows[id] = id == CrisisFlow.id ? CrisisFlow.builtIn : nil
            }
        }
        return checked
    }

    /// The trigger matcher and each choice step's matcher (keyed "flow/step"), compiled in load order.
    static func compilePatterns(_ flows: Flows, concepts: ConceptTable)
        -> (matcher: IntentMatcher, choices: [String: IntentMatcher], problems: [Diagnostic])
    {
        var matcher = IntentMatcher(concepts: concepts)
        var choiceMatchers: [String: IntentMatcher] = [:]
        var problems: [Diagnostic] = []
        func badPattern(_ pattern: Located<String>, _ error: PatternError) {
            problems.append(Diagnostic(at: pattern.position, code: "F017", message: "bad pattern: \(error.message)", hint: error.hint))
        }
        for id in flows.loadOrder where flows.flows[id] != nil {
            let flow = flows.flows[id]!
            for (number, trigger) in flow.triggers.enumerated() {
                do throws(PatternError) { try matcher.add(intent: id, pattern: trigger.value, number: number) } catch { badPattern(trigger, error) }
            }
            for stepID in flow.stepOrder {
                guard case .choices(let choices)? = flow.steps[stepID]?.expectation else { continue }
                var choiceMatcher = IntentMatcher(concepts: concepts)
                for (number, choice) in choices.enumerated() {
                    for pattern in choice.patterns {
                        do throws(PatternError) { try choiceMatcher.add(intent: String(number), pattern: pattern.value) } catch {
                            badPattern(pattern, error)
                        }
                    }
                }
                choiceMatcher.finish()
                choiceMatchers[id + "/" + stepID] = choiceMatcher
            }
        }
        matcher.finish()
        return (matcher, choiceMatchers, problems)
    }

    /// Steps that offer a flow that doesn't exist.
    static func offerProblems(_ flows: [String: Flow]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for id in flows.keys.sorted() {
            for stepID in flows[id]!.stepOrder {
                for offered in flows[id]!.steps[stepID]?.offer ?? [] where flows[offered.value] == nil {
                    let suggestion = Intents.closest(to: offered.value, among: flows.keys.sorted())
                    problems.append(Diagnostic(at: offered.position, code: "F034", message: "step '\(stepID)' offers '\(offered.value)', which is not a flow",
                                               hint: suggestion.map { "did you mean '\($0)'?" } ?? "name a flow by its id"))
                }
            }
        }
        return problems
    }

    // MARK: - Files

    /// Every file a library compiled from `sources` may read, whether or not it exists: the same
    /// files, unchanged, give the same library.
    public static func inputFiles(_ sources: FlowLibrary.Sources) -> [String] {
        var files = ([sources.scripts] + sources.flowFolders.map { Optional($0) }).compactMap { $0 }.map { $0 + "/concepts.yaml" }
        if let scripts = sources.scripts {
            files += [scripts + "/safety/lexicon.yaml", scripts + "/safety/model.txt", scripts + "/safety/crisis-lines.yaml"]
                + yamlFiles(in: scripts + "/lists") + yamlFiles(in: scripts + "/conversation")
        }
        return files + sources.flowFolders.flatMap(yamlFiles) + sources.flowFiles + sources.userFolders.flatMap(yamlFiles)
    }

    /// The `*.yaml` and `*.yml` files directly inside `folder`, sorted.
    public static func yamlFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let files = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != "concepts.yaml" }
        // Each name is split once, then sorted by its pieces: flow2 before flow10.
        return files.map { ($0, naturalKey($0)) }.sorted { naturalLess($0.1, $1.1, $0.0, $1.0) }.map { folder + "/" + $0.0 }
    }

    /// Why `folder` can't be listed, when it exists and yet can't be (no permission, not a folder);
    /// nil when it can, or when there is nothing there at all.
    public static func folderProblem(_ folder: String) -> Diagnostic? {
        guard access(folder, F_OK) == 0 else { return nil }
        if let directory = opendir(folder) {
            closedir(directory)
            return nil
        }
        let reason = String(cString: strerror(errno))
        return Diagnostic(path: folder, line: 1, column: 1, code: "F000", message: "can't read the flows folder: \(reason)",
                          hint: "check that it is a folder you may read (ls -ld '\(folder)')")
    }

    /// A name cut into runs of digits (as numbers) and of other characters.
    static func naturalKey(_ name: String) -> [(text: Substring, number: Int?)] {
        var key: [(Substring, Int?)] = []
        var start = name.startIndex
        var digits = false
        for index in name.indices {
            let isDigit = name[index].isASCII && name[index].isNumber
            if index != start, isDigit != digits {
                key.append((name[start..<index], digits ? Int(name[start..<index].prefix(18)) : nil))
                start = index
            }
            digits = isDigit
        }
        if start < name.endIndex { key.append((name[start...], digits ? Int(name[start...].prefix(18)) : nil)) }
        return key
    }

    /// Orders names the way people count: `flow2` before `flow10`.
    static func naturalLess(_ a: [(text: Substring, number: Int?)], _ b: [(text: Substring, number: Int?)], _ nameA: String,
                            _ nameB: String) -> Bool
    {
        for (x, y) in zip(a, b) where x.text != y.text {
            if let m = x.number, let n = y.number, m != n { return m < n }
            return x.text < y.text
        }
        return nameA.count < nameB.count
    }

    /// `diagnostic` as a warning, with what follows from it.
    static func warning(_ diagnostic: Diagnostic, _ consequence: String) -> Diagnostic {
        var copy = diagnostic
        copy.severity = .warning
        copy.message += "; \(consequence)"
        return copy
    }
}
