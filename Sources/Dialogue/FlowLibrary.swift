import Foundation
import Intents

/// Everything the conversation runs on: flows, their compiled triggers, concepts, lists,
/// the safety screen and the crisis lines.
///
/// Loading never fails: a broken file becomes a diagnostic and is skipped, and the crisis
/// flow, lexicon and lines fall back to compiled-in copies.
public struct FlowLibrary: Sendable {
    /// Where the data files live.
    public struct Sources: Equatable, Sendable {
        /// The shipped `Scripts` folder (concepts, lists, safety); nil for none.
        public var scripts: String?
        /// Folders of shipped flows (by default `Scripts/flows`).
        public var flowFolders: [String]
        /// The person's own flow folders, which may add flows and replace shipped ones (not `crisis`).
        public var userFolders: [String]
        /// Single flow files to load as shipped flows.
        public var flowFiles: [String]

        public init(scripts: String?, flowFolders: [String]? = nil, userFolders: [String] = [], flowFiles: [String] = []) {
            self.scripts = scripts
            self.flowFolders = flowFolders ?? scripts.map { [$0 + "/flows"] } ?? []
            self.userFolders = userFolders
            self.flowFiles = flowFiles
        }
    }

    /// Flows by id.
    public private(set) var flows: [String: Flow] = [:]
    /// Flow ids in menu order.
    public private(set) var order: [String] = []
    public private(set) var matcher: IntentMatcher
    public private(set) var concepts: ConceptTable
    public private(set) var lists: [String: CompiledList] = [:]
    /// Compiled `match` patterns of choices, keyed by "flow/step".
    public private(set) var choiceMatchers: [String: IntentMatcher] = [:]
    public private(set) var screen: SafetyScreen
    public private(set) var directory: CrisisDirectory
    /// Small talk, feelings, offers and the second tier of routing, from `Scripts/conversation/`.
    public private(set) var router: Router
    /// Problems found while loading. Errors mean a file (or part of one) was skipped.
    public private(set) var diagnostics: [Diagnostic] = []

    /// The id of the flow the safety screen starts.
    @available(*, deprecated, renamed: "CrisisFlow.id")
    public static var crisisID: String { CrisisFlow.id }

    /// A classify list with its patterns compiled.
    public struct CompiledList: Sendable {
        public var list: ClassifierList
        public var matcher: IntentMatcher
    }

    /// Loads everything from `sources`.
    public init(_ sources: Sources) {
        var diagnostics: [Diagnostic] = []
        // Concepts.
        var table = ConceptTable()
        let conceptFiles = ([sources.scripts] + sources.flowFolders.map { Optional($0) }).compactMap { $0 }
            .map { $0 + "/concepts.yaml" }.filter { FileManager.default.fileExists(atPath: $0) }
        for path in conceptFiles {
            do {
                let concepts = try DataFiles.concepts(path: path)
                for name in concepts.keys.sorted() { table.define(name, members: concepts[name]!.value) }
            } catch { diagnostics.append(error) }
        }
        concepts = table
        // Safety: compiled on the other core while the flows load.
        let safety = Background { () -> (SafetyScreen, Diagnostic?) in
            var lexicon = SafetyLexicon.builtIn
            var problem: Diagnostic?
            if let scripts = sources.scripts {
                let path = scripts + "/safety/lexicon.yaml"
                // The shipped file, unchanged, is exactly the compiled-in lexicon: nothing to parse.
                let unchanged = FileManager.default.contents(atPath: path)
                    .map { data in data.withUnsafeBytes { SafetyLexicon.digest(of: $0) } == SafetyLexicon.builtInSourceDigest } ?? false
                if !unchanged, FileManager.default.fileExists(atPath: path) {
                    do throws(Diagnostic) { lexicon = lexicon.adding(try DataFiles.lexicon(path: path)) } catch {
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
        directory = .builtIn
        if let scripts = sources.scripts {
            let path = scripts + "/safety/crisis-lines.yaml"
            if FileManager.default.fileExists(atPath: path) {
                do { directory = try CrisisDirectory.load(path: path) } catch {
                    diagnostics.append(Self.warning(error, "the compiled-in crisis lines are used instead"))
                }
            }
        }
        // Lists: compiled on another thread too, while the flows load.
        let compiledLists = Background { [table] () -> ([String: CompiledList], [Diagnostic]) in
            var lists: [String: CompiledList] = [:]
            var diagnostics: [Diagnostic] = []
            guard let scripts = sources.scripts else { return (lists, diagnostics) }
            for path in Self.yamlFiles(in: scripts + "/lists") {
                do throws(Diagnostic) {
                    let list = try DataFiles.list(path: path)
                    var matcher = IntentMatcher(concepts: table)
                    for item in list.items {
                        for pattern in item.patterns {
                            do throws(PatternError) { try matcher.add(intent: item.name, pattern: pattern.value) } catch {
                                diagnostics.append(Diagnostic(at: pattern.position, code: "F017", message: error.message, hint: error.hint))
                            }
                        }
                    }
                    matcher.finish()
                    lists[list.id] = CompiledList(list: list, matcher: matcher)
                } catch { diagnostics.append(error) }
            }
            return (lists, diagnostics)
        }
        let listDiagnosticsAt = diagnostics.count
        matcher = IntentMatcher(concepts: table)
        // Flows: shipped, then the person's own.
        var loaded: [String: Flow] = [:]
        var loadOrder: [String] = []  // shipped files first, then the person's own
        for folder in sources.flowFolders {
            if let problem = Self.folderProblem(folder) { diagnostics.append(problem) }
        }
        for folder in sources.userFolders {
            if let problem = Self.folderProblem(folder) { diagnostics.append(Self.warning(problem, "none of your flows there are loaded")) }
        }
        for path in sources.flowFolders.flatMap(Self.yamlFiles) + sources.flowFiles {
            do {
                let (flow, warnings) = try FlowLoader.loadReporting(path: path)
                diagnostics += warnings
                if let existing = loaded[flow.id.value] {
                    diagnostics.append(Diagnostic(at: flow.id.position, code: "F015",
                                                  message: "duplicate flow id '\(flow.id.value)'; this file is skipped",
                                                  hint: "it is already defined in \(existing.path); give one of them a new id"))
                    continue
                }
                loaded[flow.id.value] = flow
                loadOrder.append(flow.id.value)
            } catch { diagnostics.append(error) }
        }
        var userPaths: Set<String> = []
        var shippedVersions: [String: Flow] = [:]  // what a user file replaced, to fall back on
        for folder in sources.userFolders {
            for path in Self.yamlFiles(in: folder) {
                do {
                    let (flow, warnings) = try FlowLoader.loadReporting(path: path)
                    diagnostics += warnings
                    if let problem = CrisisFlow.userReplacementProblem(flow) {
                        diagnostics.append(problem)
                        continue
                    }
                    if let shipped = loaded[flow.id.value], !userPaths.contains(shipped.path) { shippedVersions[flow.id.value] = shipped }
                    loaded[flow.id.value] = flow
                    loadOrder.removeAll { $0 == flow.id.value }
                    loadOrder.append(flow.id.value)
                    userPaths.insert(path)
                } catch { diagnostics.append(Self.warning(error, "this file is skipped")) }
            }
        }
        // The crisis flow: the shipped file, or the compiled-in copy.
        let crisis = CrisisFlow.resolve(loaded[CrisisFlow.id])
        loaded[CrisisFlow.id] = crisis.flow
        diagnostics += crisis.problems
        // Validate each flow on its own; a flow with errors is skipped (never the crisis flow).
        let (lists, listDiagnostics) = compiledLists.value
        self.lists = lists
        diagnostics.insert(contentsOf: listDiagnostics, at: listDiagnosticsAt)
        let listIDs = Set(lists.keys)
        for id in loaded.keys.sorted() {
            // Shipped triggers are compiled once, below, and report their own errors there.
            let problems = FlowValidator.validate(loaded[id]!, concepts: table, lists: listIDs,
                                                  checkPatterns: userPaths.contains(loaded[id]!.path))
            if userPaths.contains(loaded[id]!.path) {
                // A person's own file: one clear warning, and the program goes on without it.
                if let first = problems.first(where: { $0.severity == .error }) {
                    let shipped = shippedVersions[id]
                    diagnostics.append(Self.warning(first, shipped == nil ? "this file is skipped" : "this file is skipped and the shipped '\(id)' is used"))
                    loaded[id] = shipped
                }
                continue
            }
            diagnostics += problems
            if problems.contains(where: { $0.severity == .error }) {
                loaded[id] = id == CrisisFlow.id ? CrisisFlow.builtIn : nil
            }
        }
        flows = loaded
        order = loaded.values.sorted { ($0.order, $0.title, $0.id.value) < ($1.order, $1.title, $1.id.value) }.map(\.id.value)
        // Triggers and choice patterns, in load order: among equally specific triggers the last wins.
        if !loadOrder.contains(CrisisFlow.id) { loadOrder.insert(CrisisFlow.id, at: 0) }
        for id in loadOrder where loaded[id] != nil {
            let flow = loaded[id]!
            for (number, trigger) in flow.triggers.enumerated() {
                do { try matcher.add(intent: id, pattern: trigger.value, number: number) } catch {
                    diagnostics.append(Diagnostic(at: trigger.position, code: "F017", message: "bad pattern: \(error.message)",
                                                  hint: error.hint))
                }
            }
            for stepID in flow.stepOrder {
                guard case .choices(let choices)? = flow.steps[stepID]?.expectation else { continue }
                var choiceMatcher = IntentMatcher(concepts: table)
                for (number, choice) in choices.enumerated() {
                    for pattern in choice.patterns {
                        do { try choiceMatcher.add(intent: String(number), pattern: pattern.value) } catch {
                            diagnostics.append(Diagnostic(at: pattern.position, code: "F017", message: "bad pattern: \(error.message)",
                                                          hint: error.hint))
                        }
                    }
                }
                choiceMatcher.finish()
                choiceMatchers[id + "/" + stepID] = choiceMatcher
            }
        }
        matcher.finish()
        let script: ConversationScript
        if let scripts = sources.scripts {
            let (loadedScript, problems) = ConversationScript.load(folder: scripts + "/conversation")
            script = loadedScript
            diagnostics += problems
        } else {
            script = ConversationScript()
        }
        router = Router(script: script, flows: order.compactMap { loaded[$0] }, concepts: table)
        diagnostics += router.diagnostics
        diagnostics += Self.offerProblems(loaded)
        let (screen, safetyProblem) = safety.value
        self.screen = screen
        if let safetyProblem { diagnostics.append(safetyProblem) }
        self.diagnostics = diagnostics
    }

    /// Every file a library compiled from `sources` may read, whether or not it exists: the same
    /// files, unchanged, give the same library.
    public static func inputFiles(_ sources: Sources) -> [String] {
        var files = ([sources.scripts] + sources.flowFolders.map { Optional($0) }).compactMap { $0 }.map { $0 + "/concepts.yaml" }
        if let scripts = sources.scripts {
            files += [scripts + "/safety/lexicon.yaml", scripts + "/safety/model.txt", scripts + "/safety/crisis-lines.yaml"]
                + yamlFiles(in: scripts + "/lists") + yamlFiles(in: scripts + "/conversation")
        }
        return files + sources.flowFolders.flatMap(yamlFiles) + sources.flowFiles + sources.userFolders.flatMap(yamlFiles)
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

    /// Lines the safety screen must always recognize, with the least tier each must reach. A
    /// library read back from a cache is used only if its screen still does.
    static let safetyCanaries: [(line: String, tier: SafetyTier)] = [
        ("I want to kill myself", .crisis),
        ("i took all my pills an hour ago", .emergency),
        ("I don't want to be alive anymore", .crisis),
    ]

    /// Whether the safety screen gives every canary at least its tier.
    public var passesSafetyCanaries: Bool { Self.passesSafetyCanaries(screen) }

    static func passesSafetyCanaries(_ screen: SafetyScreen) -> Bool {
        safetyCanaries.allSatisfy { screen.assess($0.line).tier >= $0.tier }
    }

    /// The flows shown in menus, in order.
    public var menuFlows: [Flow] {
        order.compactMap { flows[$0] }.filter { $0.showInMenu && !$0.isCrisisFlow }
    }

    /// The crisis flow: the loaded one, which loading guarantees, or else the compiled-in copy.
    public var crisisFlow: Flow { flows[CrisisFlow.id] ?? CrisisFlow.builtIn }

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

    static func warning(_ diagnostic: Diagnostic, _ consequence: String) -> Diagnostic {
        var copy = diagnostic
        copy.severity = .warning
        copy.message += "; \(consequence)"
        return copy
    }
}

extension FlowLibrary: Archivable {
    /// The safety screen comes first, as a section of its own, so that reading it back can run
    /// on the other core while the flows are read.
    public func archive(into archive: inout ArchiveWriter) {
        var screenSection = ArchiveWriter()
        screenSection.write(screen)
        archive.write(section: screenSection)
        archive.write(flows)
        archive.write(order)
        // The concept table once: the matchers and lists all share it.
        archive.write(concepts)
        matcher.archive(into: &archive)
        archive.write(plain: lists.count)
        for id in lists.keys.sorted() {
            archive.write(lists[id]!.list)
            lists[id]!.matcher.archive(into: &archive)
        }
        archive.write(plain: choiceMatchers.count)
        for key in choiceMatchers.keys.sorted() {
            archive.write(key)
            choiceMatchers[key]!.archive(into: &archive)
        }
        archive.write(directory)
        archive.write(router.script)
        archive.write(diagnostics)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let screenBytes = UncheckedBytes(bytes: try archive.readSection())
        let screenLoad = Background { () -> Result<SafetyScreen, ArchiveError> in
            Result { () throws(ArchiveError) in
                let screen = try ArchiveReader.reading(screenBytes.bytes) { archive throws(ArchiveError) in try SafetyScreen(from: &archive) }
                guard FlowLibrary.passesSafetyCanaries(screen) else { throw ArchiveError("the safety screen read back misses a line it must catch") }
                return screen
            }
        }
        // The screen's bytes belong to the caller: wait for the thread reading them before leaving, even by an error.
        defer { _ = screenLoad.value }
        let flows = try archive.read([String: Flow].self)
        self.flows = flows
        order = try archive.read()
        guard order.allSatisfy({ flows[$0] != nil }), flows[CrisisFlow.id] != nil else {
            throw ArchiveError("the flow order and the flows disagree")
        }
        let concepts = try archive.read(ConceptTable.self)
        self.concepts = concepts
        matcher = try IntentMatcher(from: &archive, concepts: concepts)
        for _ in 0..<(try archive.readCount(size: 2)) {
            let list = try archive.read(ClassifierList.self)
            lists[list.id] = CompiledList(list: list, matcher: try IntentMatcher(from: &archive, concepts: concepts))
        }
        for _ in 0..<(try archive.readCount(size: 2)) {
            let key = try archive.read(String.self)
            choiceMatchers[key] = try IntentMatcher(from: &archive, concepts: concepts)
        }
        directory = try archive.read()
        let script = try archive.read(ConversationScript.self)
        router = Router(script: script, flows: order.compactMap { flows[$0] }, concepts: concepts)
        diagnostics = try archive.read()
        screen = try screenLoad.value.get()
    }

    /// Bytes handed to another thread that are known to outlive it.
    private struct UncheckedBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
    }
}
