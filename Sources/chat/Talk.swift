import ArgumentParser
import CEditLine
import Dialogue
import Foundation
import Intents

/// Talks with the person: libedit in a terminal, plain lines through a pipe.
struct Talk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talk",
        abstract: "Talk (the default). Reads what you type and answers from the flows.",
        discussion: """
            In a terminal you get line editing, history and tab completion. Through a pipe there are \
            no prompts, one line in gives one reply out, and the output repeats exactly for the same \
            input and seed. Piped runs write nothing unless you pass --data-dir or --save.
            """)

    @OptionGroup var library: LibraryOptions

    @Option(help: ArgumentHelp("Region for crisis lines: US, CA, GB, IE, AU, NZ or INTL (default: $BETWEEN_REGION, then your locale, then INTL).", valueName: "CODE"))
    var region: String?

    @Option(help: "Seed for choosing between phrasings (default: 1 in a pipe, random in a terminal).")
    var seed: UInt64?

    @Option(help: "Output format: text or jsonl (one JSON object per input line).")
    var format: OutputFormat = .text

    @OptionGroup var data: DataOptions

    @Flag(help: "Through a pipe, save to your data folder too (a terminal always does; --data-dir also does).")
    var save = false

    @Option(help: .hidden)
    var journal: String?

    @Flag(help: "Don't read or save line history.")
    var noHistory = false

    @Flag(help: "Compile the flows afresh, without reading or saving the compiled copy in $XDG_CACHE_HOME/between.")
    var noCache = false

    @Flag(help: "After a piped run, print the time each turn took (p50, p99, max) to standard error.")
    var timings = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    func validate() throws {
        if journal != nil {
            throw ValidationError("--journal FILE has been replaced: your data is kept in one database, DIR/between.sqlite. "
                + "Use --data-dir DIR; a journal.jsonl found in DIR is brought in once and kept as journal.jsonl.imported.")
        }
        if let region, CrisisDirectory.builtIn.regions[region.uppercased()] == nil, region.uppercased() != "UK" {
            throw ValidationError("unknown region '\(region)'; use one of \(CrisisDirectory.builtIn.regions.keys.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let interactive = isatty(0) == 1 && format == .text
        let environment = ProcessInfo.processInfo.environment
        let regionCode = region ?? environment["BETWEEN_REGION"].flatMap { $0.isEmpty ? nil : $0 }
            ?? CrisisDirectory.regionFromLocale(environment)
        let store = WatchedStore(openStore(interactive: interactive))
        let seed = seed ?? (interactive ? UInt64.random(in: 1...UInt64.max) : 1)
        let options = library
        _ = Background { Command.prepare() }  // on the other core, while the library loads
        let cache = noCache ? nil : Paths.libraryCache()
        // The library loads in the background while the greeting shows; the first answer waits for it.
        // Through a pipe the first line needs everything at once, so there is nothing to overlap.
        let loading = interactive ? Background { options.load(cache: cache) } : Background.ready(options.load(cache: cache))
        // The library lives until the process ends: freeing its many small parts on the way out
        // would only delay the exit.
        _ = Unmanaged.passRetained(loading)
        var started: Session?
        func session() -> Session {
            if let started { return started }
            let session = Session(library: loading.value, region: regionCode, seed: seed, journal: store)
            started = session
            return session
        }
        let width: () -> Int? = interactive ? { Talk.terminalWidth() } : { nil }
        let renderer = Renderer(format: format, style: interactive ? .forStandardOutput() : Style(enabled: false), width: width)
        if interactive {
            let editor = LineEditor(historyPath: noHistory ? nil : Paths.history) {
                ["help", "menu", "stop", "quit", "crisis"] + loading.value.menuFlows.map(\.id.value)
            }
            let greetingRegion = CrisisDirectory.builtIn.region(regionCode)
            if let note = FirstRunNote.take(store.base, region: greetingRegion) { renderer.show(note, urgent: false) }
            renderer.show(Session.greeting(region: greetingRegion), urgent: false)
            var interrupts = 0
            while true {
                let input = editor.read(prompt: "> ")
                if case .interrupted = input { interrupts += 1 } else { interrupts = 0 }
                switch input {
                case .end:
                    Output.write("\n")
                    renderer.show(["Take care of yourself. You can come back any time."], urgent: false)
                    return
                case .interrupted:
                    if interrupts == Self.interruptsBeforeHint { renderer.show([Self.leavingHint], urgent: false) }
                case .line(let typed):
                    // A multi-line paste is one answer, not one answer per line.
                    let line = Paste.gather(typed, pending: { Paste.pending() }) {
                        if case .line(let more) = editor.read(prompt: "") { return more }
                        return nil
                    }
                    let reply = session().respond(to: line)
                    // A line the screen raised to a concern or higher is never written to history.
                    if Self.remembers(reply) { editor.remember(line) }
                    renderer.show(reply, input: line)
                    if reply.quit { return }
                }
            }
        } else {
            let session = session()
            var reader = LineReader()
            var durations: [UInt64] = []
            defer { if timings { Output.error(TurnTimings(durations).summary + "\n") } }
            while let line = reader.next() {
                let start = DispatchTime.now().uptimeNanoseconds
                let reply = session.respond(to: line)
                if timings { durations.append(DispatchTime.now().uptimeNanoseconds - start) }
                renderer.show(reply, input: line)
                if reply.quit { break }
            }
            // What a piped run was asked to keep and couldn't is an error for whoever runs it.
            if store.failures > 0 { throw ExitCode(74) }
        }
    }
}

extension Talk {
    /// The store this conversation saves to: the data folder in a terminal or when asked, else
    /// memory only. One that can't be opened is said so on standard error, and every save then
    /// tells the person it wasn't kept.
    func openStore(interactive: Bool) -> JournalStore {
        guard interactive || save || data.dataDir != nil else { return LazyStore() }
        do {
            return try data.open()
        } catch {
            Output.error(StoreText.text("store_unavailable", ["reason": error.description]) + "\n")
            return UnavailableStore(error)
        }
    }
}

extension Talk {
    /// Ctrl-C presses in a row after which the way to leave is shown, once.
    static let interruptsBeforeHint = 2

    /// Shown after several Ctrl-C presses in a row: Ctrl-C only clears the line.
    static let leavingHint = "Ctrl-C clears the line. To leave, type quit or press Ctrl-D."

    /// Whether the line that got `reply` may go into history: only when the screen saw nothing.
    static func remembers(_ reply: Reply) -> Bool { reply.safety < .concern }

    /// The terminal's width less one column, read afresh each time (a window can be resized).
    static func terminalWidth() -> Int? {
        let columns = Int(ce_terminal_width())
        return columns > 0 ? columns - 1 : nil
    }
}

/// Percentiles of how long each turn took, for `--timings`.
struct TurnTimings {
    let sorted: [UInt64]

    init(_ durations: [UInt64]) { sorted = durations.sorted() }

    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1000
    }

    var summary: String {
        String(format: "turns=%d p50_us=%.1f p99_us=%.1f max_us=%.1f", sorted.count, percentile(0.5), percentile(0.99),
               Double(sorted.last ?? 0) / 1000)
    }
}
