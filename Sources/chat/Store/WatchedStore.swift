import Dialogue

/// Passes everything to a store and counts the saves that failed, so a piped run can end with a
/// non-zero status when something it was asked to keep was not kept.
final class WatchedStore: JournalStore {
    let base: JournalStore
    private(set) var failures = 0

    init(_ base: JournalStore) { self.base = base }

    func append(_ entry: JournalEntry) throws {
        do { try base.append(entry) } catch {
            failures += 1
            throw error
        }
    }

    func entries() throws -> [JournalEntry] { try base.entries() }
    func recall() throws -> [String: String] { try base.recall() }
    func noteSafety(_ tier: String, date: String) throws { try base.noteSafety(tier, date: date) }
}
