import Foundation
import TestSupport

/// Runs the built `chat` binary, reading its output while it runs.
struct ChatBinary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    static let path: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chat").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("chat").path,
            Bundle.main.bundleURL.appendingPathComponent("chat").path,
            Repository.root + "/.build/debug/chat",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Runs chat with `arguments`, feeding `input` (bytes) on standard input.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_CONFIG_HOME"] = Repository.temporaryFolder()
        env["XDG_STATE_HOME"] = Repository.temporaryFolder()
        env["XDG_DATA_HOME"] = Repository.temporaryFolder()
        env["XDG_CACHE_HOME"] = Repository.temporaryFolder()
        env["BETWEEN_REGION"] = nil
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], lines: [String], environment: [String: String] = [:]) throws -> Outcome {
        try run(arguments, input: Data((lines.joined(separator: "\n") + "\n").utf8), environment: environment)
    }
}
