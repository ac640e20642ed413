import Dialogue

/// The note shown once, the first time chat opens in a terminal: what it is and isn't, where the
/// data lives, and how to delete it.
enum FirstRunNote {
    static let key = "first-run-note-shown"

    /// The note's lines if it hasn't been shown with this store yet, marking it shown; else nil.
    static func take(_ store: JournalStore, region: CrisisDirectory.Region) -> [String]? {
        guard let store = store as? Store, let path = store.path, (try? store.setting(key)) == .some(nil) else { return nil }
        try? store.setSetting(key, to: "yes")
        return StoreText.text("first_run", ["path": path, "emergency_number": region.emergency]).split(separator: "\n").map(String.init)
    }
}
