import Foundation

/// One saved entry: what the person wrote during an exercise.
public struct JournalEntry: Codable, Equatable, Sendable {
    public var date: String
    public var flow: String
    public var text: String
    /// Which list it belongs to (see ``Store/Kind``); nil means a journal entry of the flow's own kind.
    public var kind: String?

    public init(date: String, flow: String, text: String, kind: String? = nil) {
        self.date = date
        self.flow = flow
        self.text = text
        self.kind = kind
    }
}

/// Where what the person writes goes: the ``Store``, or memory only.
public protocol JournalStore: AnyObject {
    /// Saves `entry`, committed before it returns; throws when it could not be written.
    func append(_ entry: JournalEntry) throws
    /// Every entry, oldest first.
    func entries() throws -> [JournalEntry]
    /// What flows can show of the saved data, as template variables (see ``StoreRecall``).
    func recall() throws -> [String: String]
    /// Records that the safety screen raised a line to `tier` at `date`: never the line itself.
    func noteSafety(_ tier: String, date: String) throws
}

extension JournalStore {
    public func recall() throws -> [String: String] { [:] }
    public func noteSafety(_ tier: String, date: String) throws {}
}

/// Keeps entries in memory only, in a plain list, for tests that look at what was saved.
public final class MemoryJournal: JournalStore {
    public private(set) var saved: [JournalEntry] = []
    public private(set) var safetyEvents: [String] = []
    public init() {}
    public func append(_ entry: JournalEntry) { saved.append(entry) }
    public func entries() -> [JournalEntry] { saved }
    public func noteSafety(_ tier: String, date: String) { safetyEvents.append(tier) }
}

/// A store that could not be opened: every save fails with the reason, so the person is told each time.
public final class UnavailableStore: JournalStore {
    public let error: StoreError
    public init(_ error: StoreError) { self.error = error }
    public func append(_ entry: JournalEntry) throws { throw error }
    public func entries() throws -> [JournalEntry] { throw error }
}
