import Foundation
import Intents

/// Everything the conversation runs on: flows, their compiled triggers, concepts, lists,
/// the safety screen and the crisis lines.
///
/// ``LibraryLoader`` reads and compiles it from its ``Sources``, and never fails: a broken file
/// becomes a diagnostic and is skipped, and the crisis flow, lexicon and lines fall back to
/// compiled-in copies. ``LibraryCache`` keeps a compiled one between runs.
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

    /// Loads everything from `sources` (see ``LibraryLoader``).
    public init(_ sources: Sources) {
        self = LibraryLoader(sources).load()
    }

    /// A library made of parts already loaded and compiled.
    init(flows: [String: Flow], order: [String], matcher: IntentMatcher, concepts: ConceptTable, lists: [String: CompiledList],
         choiceMatchers: [String: IntentMatcher], screen: SafetyScreen, directory: CrisisDirectory, router: Router,
         diagnostics: [Diagnostic])
    {
        self.flows = flows
        self.order = order
        self.matcher = matcher
        self.concepts = concepts
        self.lists = lists
        self.choiceMatchers = choiceMatchers
        self.screen = screen
        self.directory = directory
        self.router = router
        self.diagnostics = diagnostics
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
