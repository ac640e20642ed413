import CEditLine
import Foundation

/// Line editing in a terminal through libedit: editing keys, history, and tab completion.
final class LineEditor {
    /// What one read gave.
    enum Input {
        case line(String)
        /// Ctrl-C: the line was discarded.
        case interrupted
        /// Ctrl-D or the terminal went away.
        case end
    }

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private let completions: () -> [String]

    /// Opens the editor. `historyPath` is loaded now and saved after every line (mode 0600);
    /// `completions` is asked for the words Tab completes.
    init(historyPath: String?, completions: @escaping () -> [String]) {
        ce_setlocale()
        self.historyPath = historyPath
        self.completions = completions
        editor = ce_init(CommandLine.arguments.first ?? "chat")
        history = ce_history_init(1000)
        ce_set_editor(editor, "emacs")
        ce_set_history(editor, history)
        ce_set_prompt(editor, { _ in LineEditor.promptText() })
        ce_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        ce_add_function(editor, "chat-complete", "Complete a command or exercise", { editor, _ in
            guard let editor, let data = ce_get_clientdata(editor) else { return 6 }  // CC_ERROR
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        })
        ce_bind(editor, "^I", "chat-complete")
        ce_source_default(editor)
        if let historyPath { _ = ce_history_load(history, historyPath) }
        ce_install_sigint({ _ in })
    }

    deinit {
        el_end(editor)
        history_end(history)
    }

    /// Reads one line, showing `prompt`.
    func read(prompt: String) -> Input {
        Self.setPrompt(prompt)
        var count: Int32 = 0
        ce_clear_errno()
        guard let pointer = el_gets(editor, &count) else {
            if count == -1, ce_errno() == EINTR {
                Output.write("\n")
                return .interrupted
            }
            return .end
        }
        var line = String(cString: pointer)
        if line.hasSuffix("\n") { line.removeLast() }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            ce_history_enter(history, line)
            saveHistory()
        }
        return .line(line)
    }

    private func saveHistory() {
        guard let historyPath else { return }
        let folder = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let temporary = historyPath + ".tmp"
        if ce_history_save(history, temporary) >= 0 {
            chmod(temporary, 0o600)
            rename(temporary, historyPath)
        }
    }

    /// Completes the word before the cursor from the commands and exercises.
    private func complete() -> UInt8 {
        var buffer = [CChar](repeating: 0, count: 1024)
        let length = ce_line_before_cursor(editor, &buffer, Int32(buffer.count))
        let before = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let candidates = completions().sorted().filter { $0.hasPrefix(word.lowercased()) }
        guard !candidates.isEmpty else { return 6 }  // CC_ERROR: beep
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        var addition = String(common.dropFirst(word.count))
        if candidates.count == 1 { addition += " " }
        if addition.isEmpty {
            Output.write("\n" + candidates.joined(separator: "  ") + "\n")
            return 8  // CC_REDISPLAY
        }
        _ = ce_insert(editor, addition)
        return 4  // CC_REFRESH
    }

    // The prompt lives in C memory that outlives each call, as libedit expects.
    nonisolated(unsafe) private static var prompt: UnsafeMutablePointer<CChar>? = strdup("")

    private static func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)
    }

    private static func promptText() -> UnsafePointer<CChar>? { UnsafePointer(prompt) }
}
