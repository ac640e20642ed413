import Foundation
import TestSupport

/// Runs the built `chat` in a pseudo-terminal (through util-linux `script`), types keys into it
/// and reads what it shows while it runs.
final class ChatTerminal: @unchecked Sendable {
    /// Whether this machine can run the terminal tests.
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    let state = Repository.temporaryFolder()
    let pidFile: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var shown = Data()

    /// Starts chat with `arguments` in a terminal `columns` wide.
    init(_ arguments: [String], columns: Int = 200) throws {
        pidFile = state + "/chat.pid"
        let command = "echo $$ > '\(pidFile)'; stty cols \(columns) rows 50; exec '\(ChatBinary.path)' "
            + arguments.map { "'\($0)'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8", "HOME": state,
            "XDG_STATE_HOME": state, "XDG_CACHE_HOME": Repository.temporaryFolder(), "XDG_CONFIG_HOME": state,
            "XDG_DATA_HOME": state,
        ]
        // A sanitizer build's options reach chat too (leak reports would change its exit status).
        for name in ["ASAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE"] {
            if let value = ProcessInfo.processInfo.environment[name] { process.environment?[name] = value }
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.shown += data
            self.lock.unlock()
        }
        try process.run()
    }

    /// Everything shown so far.
    var screen: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: shown, as: UTF8.self)
    }

    /// Waits until `text` has been shown `count` times in all (a safety limit of 20 s ends a
    /// hung program; nothing is measured). Gives whether it was.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if screen.components(separatedBy: text).count - 1 >= count { return true }
            if !process.isRunning { return screen.components(separatedBy: text).count - 1 >= count }
            usleep(20_000)
        }
        return false
    }

    /// Types `keys` in one write, as a terminal sends a key's sequence.
    func type(_ keys: String) { input.fileHandleForWriting.write(Data(keys.utf8)) }

    /// Changes the terminal's width and tells chat, as a window resize does.
    func resize(columns: Int) throws {
        let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let tty = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/0")
        let stty = Process()
        stty.executableURL = URL(fileURLWithPath: "/bin/stty")
        stty.arguments = ["-F", tty, "cols", String(columns)]
        try stty.run()
        stty.waitUntilExit()
        kill(pid_t(pid)!, SIGWINCH)
    }

    /// Waits for chat to end and gives its status.
    func finish() -> Int32 {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    /// The modes of the history's folder and file; none when a temporary copy was left beside it.
    var historyModes: [Int] {
        let folder = state + "/between"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard !names.contains(where: { $0.hasPrefix("history.") }) else { return [] }
        return [folder, folder + "/history"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.posixPermissions] as? Int }
    }

    /// The lines of the history file, decoded from libedit's `\040` escapes.
    var history: [String] {
        let text = (try? String(contentsOfFile: state + "/between/history", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { $0.replacingOccurrences(of: "\\040", with: " ") }
    }
}
