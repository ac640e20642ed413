import Foundation

/// Paths in this checkout, for tests.
public enum Repository {
    /// The checkout's root folder.
    public static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The shipped `Scripts` folder.
    public static var scripts: String { root + "/Scripts" }

    /// The shared development sets (`../shared/eval`), or nil when this machine has none.
    public static var evalFolder: String? {
        let candidates = [ProcessInfo.processInfo.environment["BETWEEN_EVAL_DIR"], root + "/../shared/eval", "/work/shared/eval"]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0 + "/safety-dev.tsv") }
    }

    /// Rows of a development set: (expected, message), comments skipped.
    public static func rows(_ name: String) -> [(String, String)] {
        guard let folder = evalFolder, let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    /// A fresh empty folder under the temporary directory.
    public static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "between-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A fresh folder under the temporary directory holding `files`: each name to its text.
    public static func folder(with files: [String: String]) throws -> String {
        let path = temporaryFolder()
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }
}
