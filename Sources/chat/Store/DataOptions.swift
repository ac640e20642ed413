import ArgumentParser
import Dialogue

/// Where the person's saved data lives: `--data-dir`, else `$XDG_DATA_HOME/between`.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Keep saved data in DIR/between.sqlite (default: $XDG_DATA_HOME/between, usually ~/.local/share/between).",
        valueName: "DIR"))
    var dataDir: String?

    /// The folder that holds the database.
    var folder: String { dataDir ?? Paths.data }

    /// Opens the store for writing, and brings in an old journal.jsonl once; throws when it can't be opened.
    func open() throws(StoreError) -> Store {
        let store = try Store(folder: folder, tighten: dataDir == nil)
        do {
            let count = try JournalImport.run(folder: folder, into: store)
            if count > 0 {
                Output.error(StoreText.text("import_done", [
                    "count": String(count), "path": store.path ?? folder,
                    "old": folder + "/" + JournalImport.fileName + ".imported",
                ]) + "\n")
            }
        } catch {
            Output.error("chat: \(error)\n")
        }
        return store
    }

    /// Opens the store to read it, or nil (after saying so) when nothing has been saved yet.
    func openExisting() throws -> Store? {
        do {
            guard try Store.existing(folder: folder) != nil
                    || access(folder + "/" + JournalImport.fileName, F_OK) == 0 else { return nil }
            return try open()
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

import Foundation
