import Dialogue
import Foundation

/// The compiled library the default `talk` command reads, fetched from the cache while the
/// command line is still being parsed.
///
/// Parsing takes a few milliseconds that reading the library can use on the other core. The
/// fetch only reads: it never compiles or writes anything, and its result is used only when the
/// parsed options ask for exactly the same sources and cache. Otherwise it is dropped.
enum LibraryPrefetch {
    /// What was fetched, and for which sources and cache.
    private struct Fetched {
        let sources: FlowLibrary.Sources
        let cache: LibraryCache
        let library: FlowLibrary?
    }

    /// Set once, before the arguments are parsed, and read after.
    nonisolated(unsafe) private static var fetching: Background<Fetched?>?

    /// Starts reading the library the default command would use, unless `arguments` (without the
    /// program's name) clearly ask for something else: another subcommand, help, the version, or
    /// other flows. Even finding the paths happens on the other thread. In a terminal there is no
    /// hurry (the library loads while the greeting shows), and the prompt should not share the
    /// processor with it.
    static func start(arguments: [String]) {
        guard isatty(0) == 0 else { return }
        let others = Set(Chat.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
            .subtracting([Talk.configuration.commandName ?? ""])
        let elsewhere = ["-h", "--help", "--version", "--flows", "--user-flows", "--no-user-flows", "--no-cache"]
        guard !(arguments.first.map(others.contains) ?? false),
              !arguments.contains(where: { argument in elsewhere.contains { argument == $0 || argument.hasPrefix($0 + "=") } })
        else { return }
        fetching = Background {
            guard let cache = Paths.libraryCache() else { return nil }
            let sources = LibraryOptions.defaultSources
            return Fetched(sources: sources, cache: cache, library: cache.cached(sources))
        }
    }

    /// The fetched library, if it was fetched for exactly `sources` and `cache` and was there.
    static func take(sources: FlowLibrary.Sources, cache: LibraryCache) -> FlowLibrary? {
        guard let fetched = fetching?.value, fetched.sources == sources, fetched.cache == cache else { return nil }
        return fetched.library
    }
}
