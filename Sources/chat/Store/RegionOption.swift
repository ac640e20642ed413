import ArgumentParser
import Dialogue
import Foundation

/// `--region`, for commands that show crisis lines: else `$BETWEEN_REGION`, else the locale.
struct RegionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Region for crisis lines: US, CA, GB, IE, AU, NZ or INTL (default: $BETWEEN_REGION, then your locale, then INTL).",
                               valueName: "CODE"))
    var region: String?

    /// The region to show lines for.
    var resolved: CrisisDirectory.Region {
        let environment = ProcessInfo.processInfo.environment
        let code = region ?? environment["BETWEEN_REGION"].flatMap { $0.isEmpty ? nil : $0 } ?? CrisisDirectory.regionFromLocale(environment)
        let directory = Paths.scripts().flatMap { try? CrisisDirectory.load(path: $0 + "/safety/crisis-lines.yaml") } ?? .builtIn
        return directory.region(code)
    }
}
