import CEditLine
import Dialogue
import Foundation

/// Line editing in a terminal through libedit: editing keys, history, and tab completion.
///
/// A line goes into history only when the caller says so (``remember(_:)``), after the safety
/// screen has read it: a line that raised a concern is never written to disk.
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

    /// Key sequences terminals send for Home, End, Delete and word moves, which libedit's emacs
    /// map doesn't know by default; unbound, they would insert `~` or `;5D`.
    static let keyBindings: [(keys: String, function: String)] = [
        ("\u{1B}[1~", "ed-move-to-beg"), ("\u{1B}[7~", "ed-move-to-beg"), ("\u{1B}[H", "ed-move-to-beg"), ("\u{1B}OH", "ed-move-to-beg"),
        ("\u{1B}[4~", "ed-move-to-end"), ("\u{1B}[8~", "ed-move-to-end"), ("\u{1B}[F", "ed-move-to-end"), ("\u{1B}OF", "ed-move-to-end"),
        ("\u{1B}[3~", "ed-delete-next-char"),
        ("\u{1B}[1;5D", "ed-prev-word"), ("\u{1B}[1;3D", "ed-prev-word"), ("\u{1B}[5D", "ed-prev-word"), ("\u{1B}Od", "ed-prev-word"),
        ("\u{1B}[1;5C", "em-next-word"), ("\u{1B}[1;3C", "em-next-word"), ("\u{1B}[5C", "em-next-word"), ("\u{1B}Oc", "em-next-word"),
    ]

    /// Opens the editor. `historyPath` is loaded now and saved after every remembered line (mode 0600);
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
        for binding in Self.keyBindings { ce_bind(editor, binding.keys, binding.function) }
        ce_source_default(editor)
        if let historyPath { _ = ce_history_load(history, historyPath) }
        ce_install_sigint({ _ in })
        ce_install_sigwinch(editor)
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
        return .line(line)
    }

    /// Adds `line` to the history and saves it. Call it only for lines the safety screen let pass.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        ce_history_enter(history, line)
        saveHistory()
    }

    /// Saves the history as a private file (0600, its folder 0700); a failure leaves the old one.
    private func saveHistory() {
        guard let historyPath else { return }
        // libedit opens the file by name: it writes into the private temporary file made for it.
        try? PrivateFile.replace(historyPath) { _, temporary in ce_history_save(history, temporary) >= 0 }
    }

    /// What Tab does, given the text before the cursor.
    enum Completion: Equatable {
        /// Not at the start of the line, or nothing to add: Tab does nothing.
        case none
        /// No command or exercise starts that way: a beep.
        case noMatch
        case insert(String)
        /// Several candidates share no longer prefix: they are listed.
        case list([String])
    }

    /// Tab completes a command or exercise name only as the first word of the line, so it never
    /// rewrites a sentence ("I want to he" stays as typed).
    static func completion(before: String, among words: [String]) -> Completion {
        let word = before.drop { $0 == " " }
        guard !word.contains(" ") else { return .none }
        let candidates = words.sorted().filter { $0.hasPrefix(word.lowercased()) }
        guard !candidates.isEmpty else { return .noMatch }
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        var addition = String(common.dropFirst(word.count))
        if candidates.count == 1 { addition += " " }
        return addition.isEmpty ? .list(candidates) : .insert(addition)
    }

    /// Completes the word before the cursor from the commands and exercises.
    private func complete() -> UInt8 {
        var buffer = [CChar](repeating: 0, count: 1024)
        let length = ce_line_before_cursor(editor, &buffer, Int32(buffer.count))
        let before = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch Self.completion(before: before, among: completions()) {
        case .none:
            return 0  // CC_NORM: nothing happens
        case .noMatch:
            return 6  // CC_ERROR: beep
        case .list(let candidates):
            Output.write("\n" + candidates.joined(separator: "  ") + "\n")
            return 8  // CC_REDISPLAY
        case .insert(let addition):
            _ = ce_insert(editor, addition)
            return 4  // CC_REFRESH
        }
    }

    // The prompt lives in C memory that outlives each call, as libedit expects.
    nonisolated(unsafe) private static var prompt: UnsafeMutablePointer<CChar>? = strdup("")

    private static func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)
    }

    private static func promptText() -> UnsafePointer<CChar>? { UnsafePointer(prompt) }
}
