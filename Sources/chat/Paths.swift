import Dialogue
import Foundation

/// Where the program finds its shipped data and keeps the person's files (XDG base directories).
enum Paths {
    /// The folder name used under each XDG base directory.
    static let appName = "between"

    /// The value of the environment variable `name`, read directly: building the whole
    /// environment as a dictionary each time costs more than start-up can spare.
    static func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    static var home: String { variable("HOME") ?? NSHomeDirectory() }

    /// `$XDG_CONFIG_HOME/between`, by default `~/.config/between`.
    static var config: String { base("XDG_CONFIG_HOME", ".config") }
    /// `$XDG_STATE_HOME/between`, by default `~/.local/state/between` (history).
    static var state: String { base("XDG_STATE_HOME", ".local/state") }
    /// `$XDG_DATA_HOME/between`, by default `~/.local/share/between` (journal).
    static var data: String { base("XDG_DATA_HOME", ".local/share") }
    /// `$XDG_CACHE_HOME/between`, by default `~/.cache/between` (the compiled library).
    static var cache: String { base("XDG_CACHE_HOME", ".cache") }

    private static func base(_ name: String, _ fallback: String) -> String {
        let root = variable(name).flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/" + fallback
        return root + "/" + appName
    }

    static var userFlows: String { config + "/flows" }
    static var history: String { state + "/history" }
    static var journal: String { data + "/journal.jsonl" }

    /// The compiled library's cache for this build of the program; nil if the program can't find itself.
    static func libraryCache() -> LibraryCache? {
        programIdentity().map { LibraryCache(path: cache + "/library.bin", identity: $0) }
    }

    /// The running program's own path.
    static let executable: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }()

    /// Names this build of the program: its path, size, change time and inode. A cache written by
    /// another build is never read. Nil when the program can't find itself.
    static func programIdentity() -> String? {
        guard let stamp = FileStamp(path: executable) else { return nil }
        return "\(executable) \(stamp.size) \(stamp.modified.seconds).\(stamp.modified.nanoseconds) \(stamp.inode)"
    }

    /// The shipped `Scripts` folder: `$BETWEEN_SCRIPTS`, then beside the installed binary
    /// (`../share/between/Scripts`), then the source checkout the binary was built from.
    static func scripts() -> String? {
        func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
        func isScripts(_ path: String) -> Bool { exists(path + "/flows") }
        func parent(_ path: String) -> String {
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
            return String(path[..<slash])
        }
        if let explicit = variable("BETWEEN_SCRIPTS"), isScripts(explicit) { return explicit }
        var folder = parent(executable)
        let installed = parent(folder) + "/share/\(appName)/Scripts"
        if isScripts(installed) { return installed }
        for _ in 0..<6 {
            if isScripts(folder + "/Scripts"), exists(folder + "/Package.swift") { return folder + "/Scripts" }
            folder = parent(folder)
        }
        let checkout = parent(parent(parent(#filePath))) + "/Scripts"
        return isScripts(checkout) ? checkout : nil
    }
}
