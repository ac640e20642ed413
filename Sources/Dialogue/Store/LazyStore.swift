/// An in-memory store that is made only when something is first saved.
///
/// A piped run keeps nothing on disk, and most piped runs save nothing at all; setting up even an
/// in-memory database (GRDB, the schema, its migrations) was most of a piped first reply's time.
/// Until the first save, there is nothing to read, so reading gives what an empty store gives.
public final class LazyStore: JournalStore {
    private var store: Store?

    public init() {}

    private func made() -> Store {
        if let store { return store }
        let new = Store()
        store = new
        return new
    }

    public func append(_ entry: JournalEntry) throws { try made().append(entry) }
    public func entries() throws -> [JournalEntry] { try store?.entries() ?? [] }
    public func recall() throws -> [String: String] { try store?.recall() ?? StoreRecall.empty }
    public func noteSafety(_ tier: String, date: String) throws { try made().noteSafety(tier, date: date) }
}
