import Foundation

/// Where the program finds its shipped data and keeps the person's files (XDG base directories).
enum Paths {
    /// The folder name used under each XDG base directory.
    static let appName = "between"

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// `$XDG_CONFIG_HOME/between`, by default `~/.config/between`.
    static var config: String { base("XDG_CONFIG_HOME", ".config") }
    /// `$XDG_STATE_HOME/between`, by default `~/.local/state/between` (history).
    static var state: String { base("XDG_STATE_HOME", ".local/state") }
    /// `$XDG_DATA_HOME/between`, by default `~/.local/share/between` (journal).
    static var data: String { base("XDG_DATA_HOME", ".local/share") }

    private static func base(_ variable: String, _ fallback: String) -> String {
        let root = environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/" + fallback
        return root + "/" + appName
    }

    static var userFlows: String { config + "/flows" }
    static var history: String { state + "/history" }
    static var journal: String { data + "/journal.jsonl" }

    /// The shipped `Scripts` folder: `$BETWEEN_SCRIPTS`, then beside the installed binary
    /// (`../share/between/Scripts`), then the source checkout the binary was built from.
    static func scripts() -> String? {
        let manager = FileManager.default
        func isScripts(_ path: String) -> Bool { manager.fileExists(atPath: path + "/flows") }
        if let explicit = environment["BETWEEN_SCRIPTS"], isScripts(explicit) { return explicit }
        let executable = (try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/\(appName)/Scripts").path
        if isScripts(installed) { return installed }
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Scripts").path
            if isScripts(candidate), manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts").path
        return isScripts(checkout) ? checkout : nil
    }
}
