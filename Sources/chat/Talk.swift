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
            input and seed. Piped runs never write to your journal unless you pass --journal.
            """)

    @OptionGroup var library: LibraryOptions

    @Option(help: ArgumentHelp("Region for crisis lines: US, CA, GB, IE, AU, NZ or INTL (default: $BETWEEN_REGION, then your locale, then INTL).", valueName: "CODE"))
    var region: String?

    @Option(help: "Seed for choosing between phrasings (default: 1 in a pipe, random in a terminal).")
    var seed: UInt64?

    @Option(help: "Output format: text or jsonl (one JSON object per input line).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Save journal entries to FILE (default: your journal in a terminal, nowhere in a pipe).", valueName: "FILE"))
    var journal: String?

    @Flag(help: "Don't read or save line history.")
    var noHistory = false

    @Flag(help: "Compile the flows afresh, without reading or saving the compiled copy in $XDG_CACHE_HOME/between.")
    var noCache = false

    @Flag(help: "After a piped run, print the time each turn took (p50, p99, max) to standard error.")
    var timings = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    func validate() throws {
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
        let store: JournalStore? = journal.map(FileJournal.init) ?? (interactive ? FileJournal(path: Paths.journal) : MemoryJournal())
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
        let columns = Int(ce_terminal_width())
        let renderer = Renderer(format: format, style: interactive ? .forStandardOutput() : Style(enabled: false),
                                width: interactive && columns > 0 ? columns - 1 : nil)
        if interactive {
            let editor = LineEditor(historyPath: noHistory ? nil : Paths.history) {
                ["help", "menu", "stop", "quit", "crisis"] + loading.value.menuFlows.map(\.id.value)
            }
            renderer.show(Session.greeting(region: CrisisDirectory.builtIn.region(regionCode)), urgent: false)
            while true {
                switch editor.read(prompt: "> ") {
                case .end:
                    Output.write("\n")
                    renderer.show(["Take care of yourself. You can come back any time."], urgent: false)
                    return
                case .interrupted:
                    continue
                case .line(let typed):
                    // A multi-line paste is one answer, not one answer per line.
                    let line = Paste.gather(typed, pending: { Paste.pending() }) {
                        if case .line(let more) = editor.read(prompt: "") { return more }
                        return nil
                    }
                    let reply = session().respond(to: line)
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
                if reply.quit { return }
            }
        }
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
