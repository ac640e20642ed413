import Foundation
import GRDB

/// Moves an old `journal.jsonl` into the store, once: afterwards it is kept as `journal.jsonl.imported`.
///
/// Entries the old flows wrote as "Self-care idea: ..." and "For my next therapy session: ..."
/// go to the self-care list and the therapist topics. A file that can't be read is left exactly as
/// it is, and the problem is reported: nothing is ever taken for an empty journal.
public enum JournalImport {
    /// The old journal's name in the data folder.
    public static let fileName = "journal.jsonl"

    /// Imports `folder/journal.jsonl` into `store` if it is there; returns how many entries came in.
    @discardableResult
    public static func run(folder: String, into store: Store) throws(StoreError) -> Int {
        let path = folder + "/" + fileName
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StoreError("could not read your old journal to bring it into the new store (\(StoreError.reason()))", path: path,
                             fix: "It has been left as it is. Make it readable (chmod 600 \(path)) and start chat again.")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let data: Data
        do { data = try handle.readToEnd() ?? Data() } catch {
            throw StoreError("could not read your old journal (\(error.localizedDescription))", path: path,
                             fix: "It has been left as it is. Check the file and start chat again.")
        }
        let decoder = JSONDecoder()
        let entries = data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(JournalEntry.self, from: Data($0)) }
        let marker = "imported " + path
        let count = try store.write("import the old journal") { db -> Int in
            // Two programs starting at once import it once: the marker is checked inside the transaction.
            if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [marker]) != nil { return 0 }
            for entry in entries {
                let (kind, text) = classify(entry)
                try Store.insert(db, kind: kind, flow: entry.flow, text: text, date: entry.date)
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [marker, String(entries.count)])
            return entries.count
        }
        defer { chmod(path + ".imported", 0o600) }  // the kept copy is as private as the store
        if rename(path, path + ".imported") != 0, errno != ENOENT {
            throw StoreError("brought your old journal in, but could not rename it (\(StoreError.reason()))", path: path,
                             fix: "Your entries are safe in the store. You can rename or delete the old file yourself.")
        }
        return count
    }

    static func classify(_ entry: JournalEntry) -> (kind: String, text: String) {
        if let kind = entry.kind { return (kind, entry.text) }
        for (prefix, kind) in [("Self-care idea: ", Store.Kind.selfCare), ("For my next therapy session: ", Store.Kind.therapist)]
        where entry.text.hasPrefix(prefix) {
            return (kind, String(entry.text.dropFirst(prefix.count)))
        }
        return (entry.flow, entry.text)
    }
}
