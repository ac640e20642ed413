import ArgumentParser
import Dialogue

/// Options that choose which flows are loaded, shared by every subcommand.
struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("flows"), help: ArgumentHelp("Use the flow files in DIR instead of the shipped ones.", valueName: "DIR"))
    var flows: String?

    @Option(name: .customLong("user-flows"), help: ArgumentHelp(
        "Also load your own flows from DIR (default: $XDG_CONFIG_HOME/between/flows).", valueName: "DIR"))
    var userFlows: [String] = []

    @Flag(name: .customLong("no-user-flows"), help: "Don't load your own flows.")
    var noUserFlows = false

    /// Where to load from, given these options.
    func sources(includeUserFolderByDefault: Bool) -> FlowLibrary.Sources {
        Self.sources(flows: flows, userFlows: userFlows, noUserFlows: noUserFlows, includeUserFolderByDefault: includeUserFolderByDefault)
    }

    /// Where `talk` loads from when no option says otherwise.
    static var defaultSources: FlowLibrary.Sources {
        sources(flows: nil, userFlows: [], noUserFlows: false, includeUserFolderByDefault: true)
    }

    private static func sources(flows: String?, userFlows: [String], noUserFlows: Bool,
                                includeUserFolderByDefault: Bool) -> FlowLibrary.Sources
    {
        var users = userFlows
        if users.isEmpty, includeUserFolderByDefault, !noUserFlows { users = [Paths.userFlows] }
        if noUserFlows { users = [] }
        return FlowLibrary.Sources(scripts: Paths.scripts(), flowFolders: flows.map { [$0] }, userFolders: users)
    }

    /// Loads the library (from `cache` when it holds these flows compiled) and prints its
    /// problems to standard error.
    func load(includeUserFolderByDefault: Bool = true, quiet: Bool = false, cache: LibraryCache? = nil) -> FlowLibrary {
        let sources = sources(includeUserFolderByDefault: includeUserFolderByDefault)
        let library = cache.flatMap { LibraryPrefetch.take(sources: sources, cache: $0) }
            ?? cache.map { $0.load(sources).library } ?? FlowLibrary(sources)
        if !quiet {
            for diagnostic in library.diagnostics {
                var copy = diagnostic
                if copy.severity == .error { copy.message += " (skipped)" }
                Output.error("\(copy)\n")
            }
        }
        return library
    }
}
