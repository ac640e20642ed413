import ArgumentParser
import Dialogue
import Foundation

/// `chat forget`: deletes everything saved, after the person types the word `forget`.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete everything chat has saved, after you type forget to confirm.",
        discussion: """
            Deletes your journal, mood ratings, self-care list, therapist topics, habits, safety plan \
            and the record of hard moments, and an old journal.jsonl.imported; without --data-dir, \
            also the line history in $XDG_STATE_HOME/between. It can't be undone. \
            The confirmation is read from standard input, so `echo forget | chat forget` works in a script.
            """)

    @OptionGroup var data: DataOptions

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let imported = data.folder + "/" + JournalImport.fileName + ".imported"
        let store = try data.openExisting()
        let hasImported = access(imported, F_OK) == 0
        // The history holds lines as they were typed: with the default folder, it goes too.
        let history = data.dataDir == nil && access(Paths.history, F_OK) == 0 ? Paths.history : nil
        let shown = store?.path ?? data.folder
        guard store != nil || hasImported || history != nil else {
            Output.write(StoreText.text("forget_nothing", ["path": shown]) + "\n")
            return
        }
        Output.write(StoreText.text("forget_warning", ["path": shown]) + "\n" + (isatty(0) == 1 ? "> " : ""))
        var reader = LineReader()
        guard let answer = reader.next(), answer.trimmingCharacters(in: .whitespaces).lowercased() == "forget" else {
            Output.write(StoreText.text("forget_kept") + "\n")
            return
        }
        do {
            try store?.forget()
        } catch {
            Output.error("chat: \(error)\n")
            throw ExitCode(74)
        }
        for file in [hasImported ? imported : nil, history].compactMap({ $0 }) where unlink(file) != 0 {
            Output.error("chat: \(file): could not delete it (\(String(cString: strerror(errno)))). Delete it yourself with rm.\n")
            throw ExitCode(74)
        }
        Output.write(StoreText.text("forget_done", ["path": shown]) + "\n")
    }
}
