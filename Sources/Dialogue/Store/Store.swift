import Foundation
import GRDB

/// The person's saved data: one SQLite database in WAL mode, private to its owner.
///
/// Every save is one committed transaction before it returns, so "saved" is only said of what is
/// on disk, and any number of `chat` processes can write at once (SQLite's locks, with a wait).
/// What a flow saves is routed by its kind: see ``save(kind:flow:text:date:)``.
public final class Store: JournalStore, @unchecked Sendable {
    /// The database file's name inside the data folder.
    public static let fileName = "between.sqlite"

    /// The database file, or nil for a store kept in memory.
    public let path: String?
    let writer: any DatabaseWriter
    /// A connection that waits only briefly for locks, for what must never delay a reply.
    private var quickWriter: DatabaseQueue?

    /// Opens the database in `folder`, creating the folder (0700) and the file (0600) when missing,
    /// and brings its tables up to date.
    ///
    /// - Parameter tighten: also set mode 0700 on an existing folder (the program's own XDG folder).
    public init(folder: String, tighten: Bool = false) throws(StoreError) {
        try StoreFiles.prepare(folder: folder, tighten: tighten)
        let path = folder + "/" + Self.fileName
        try StoreFiles.prepare(database: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // A commit is on disk before the program says it is saved.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted text is overwritten, for `chat forget`.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        writer = try Self.open(path: path, configuration: configuration)
        StoreFiles.tighten(database: path)
        self.path = path
    }

    /// Opens the pool and migrates, trying again for a while when another program holds a lock.
    ///
    /// SQLite's busy handler doesn't cover every case while a new database is switched to WAL or its
    /// shared memory is set up, so a second program starting at that moment can see SQLITE_BUSY at once.
    private static func open(path: String, configuration: Configuration) throws(StoreError) -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try StoreSchema.migrate(pool)
                return pool
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 100 {
                attempt += 1
                usleep(UInt32(20_000 + 1_000 * attempt))  // about 7 s in all
            } catch {
                throw StoreError.wrap(error, path: path, doing: "open the database")
            }
        }
    }

    /// A store kept in memory only: used for piped runs that didn't ask to save, and for transcripts.
    public init() {
        // Creating and migrating an empty in-memory database can't fail short of running out of memory.
        writer = try! DatabaseQueue()
        try! StoreSchema.migrate(writer)
        path = nil
    }

    /// Opens the database in `folder` only if it exists, for commands that only read.
    public static func existing(folder: String) throws(StoreError) -> Store? {
        guard access(folder + "/" + fileName, F_OK) == 0 else { return nil }
        return try Store(folder: folder)
    }

    var where_: String { path ?? "the in-memory store" }

    func write<T>(_ action: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            let value = try writer.write(body)
            if let path { StoreFiles.tighten(database: path) }
            return value
        } catch {
            throw StoreError.wrap(error, path: where_, doing: action)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch { throw StoreError.wrap(error, path: where_, doing: "read the database") }
    }

    // MARK: - Saving

    /// Kinds a flow's `kind:` can name that go to their own table; every other kind is a journal entry.
    public enum Kind {
        public static let selfCare = "self-care"
        public static let therapist = "therapist"
        /// The text is the number of an open therapist topic, as listed, to mark discussed.
        public static let discussed = "discussed"
        public static let habit = "habit"
        public static let habitStep = "habit-step"
        public static let habitCheckIn = "habit-checkin"
        public static let mood = "mood"
        public static let moodBefore = "mood-before"
        public static let moodAfter = "mood-after"
        /// `on` or `off`: ask for a rating before and after each exercise.
        public static let moodCheck = "mood-check"
        /// `plan-1` ... `plan-6`: a step of the safety plan.
        public static func plan(_ step: Int) -> String { "plan-\(step)" }

        /// Every kind with a table of its own.
        public static let special: Set<String> = Set([selfCare, therapist, discussed, habit, habitStep, habitCheckIn, mood, moodBefore,
                                                      moodAfter, moodCheck] + (1...6).map(plan))
    }

    /// Saves what a flow step wrote, routed by its kind, in one committed transaction.
    public func save(kind: String, flow: String, text: String, date: String) throws(StoreError) {
        try write("save") { db in
            try Self.insert(db, kind: kind, flow: flow, text: text, date: date)
            if path == nil { try Self.trim(db) }
        }
    }

    /// Most rows a store in memory keeps in each list: a long pipe must run in bounded memory.
    public static let memoryLimit = 500

    /// Drops the oldest rows beyond ``memoryLimit`` from every list, for a store in memory.
    static func trim(_ db: Database) throws {
        for table in ["journal_entry", "mood_rating", "self_care_item", "therapist_topic", "habit_checkin", "crisis_event"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE id <= (SELECT max(id) FROM \(table)) - ?", arguments: [memoryLimit])
        }
        try db.execute(sql: "DELETE FROM habit WHERE id <= (SELECT max(id) FROM habit) - ?", arguments: [memoryLimit])
    }

    /// Inserts one saved item inside a transaction already open.
    static func insert(_ db: Database, kind: String, flow: String, text: String, date: String) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch kind {
            case Kind.selfCare:
                try db.execute(sql: "INSERT INTO self_care_item (date, text) VALUES (?, ?)", arguments: [date, text])
            case Kind.therapist:
                try db.execute(sql: "INSERT INTO therapist_topic (date, text) VALUES (?, ?)", arguments: [date, text])
            case Kind.discussed:
                let open = try Int64.fetchAll(db, sql: "SELECT id FROM therapist_topic WHERE discussed IS NULL ORDER BY id")
                let number = Int(text.filter(\.isNumber)) ?? 0
                if open.indices.contains(number - 1) {
                    try db.execute(sql: "UPDATE therapist_topic SET discussed = ? WHERE id = ?", arguments: [date, open[number - 1]])
                } else if text.lowercased().contains("all") {
                    try db.execute(sql: "UPDATE therapist_topic SET discussed = ? WHERE discussed IS NULL", arguments: [date])
                } else {
                    throw StoreError("there is no open topic numbered '\(text)'", path: "your therapist topics",
                                     fix: "Type the number shown beside the topic, or all.")
                }
            case Kind.habit:
                try db.execute(sql: "INSERT INTO habit (date, name) VALUES (?, ?)", arguments: [date, text])
            case Kind.habitStep:
                try db.execute(sql: "UPDATE habit SET step = ? WHERE id = (SELECT max(id) FROM habit)", arguments: [text])
            case Kind.habitCheckIn:
                try db.execute(sql: """
                    INSERT INTO habit_checkin (habitId, date, outcome) SELECT max(id), ?, ? FROM habit HAVING max(id) IS NOT NULL
                    """, arguments: [date, text])
            case Kind.mood, Kind.moodBefore, Kind.moodAfter:
                guard let rating = Int(text), (0...10).contains(rating) else { return }
                let phase = kind == Kind.mood ? "check-in" : kind == Kind.moodBefore ? "before" : "after"
                try db.execute(sql: "INSERT INTO mood_rating (date, flow, phase, rating) VALUES (?, ?, ?, ?)",
                               arguments: [date, flow, phase, rating])
            case Kind.moodCheck:
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                               arguments: [MoodCheck.setting, text == "on" ? "on" : "off"])
            case let kind where kind.hasPrefix("plan-"):
                guard let step = Int(kind.dropFirst(5)), (1...6).contains(step) else { return }
                try db.execute(sql: "INSERT OR REPLACE INTO safety_plan (step, text, updated) VALUES (?, ?, ?)",
                               arguments: [step, text, date])
            default:
                try db.execute(sql: "INSERT INTO journal_entry (date, flow, kind, text) VALUES (?, ?, ?, ?)",
                               arguments: [date, flow, kind, text])
            }
    }

    /// Records that the safety screen raised a line to `tier`: the time and the tier, never the text.
    ///
    /// It runs before the crisis lines are shown, so it waits at most a quarter of a second for
    /// another program's write to finish, and gives up rather than delay them.
    public func noteSafety(tier: String, date: String) throws(StoreError) {
        let quick: any DatabaseWriter
        if let path {
            if quickWriter == nil {
                var configuration = Configuration()
                configuration.busyMode = .timeout(0.25)
                quickWriter = try? DatabaseQueue(path: path, configuration: configuration)
            }
            guard let quickWriter else { throw StoreError("could not open the database", path: path, fix: StoreError.fixHint) }
            quick = quickWriter
        } else {
            quick = writer
        }
        do {
            try quick.write { db in
                try db.execute(sql: "INSERT INTO crisis_event (date, tier) VALUES (?, ?)", arguments: [date, tier])
                if path == nil { try Self.trim(db) }
            }
        } catch {
            throw StoreError.wrap(error, path: where_, doing: "note a crisis event")
        }
    }

    /// Deletes everything the store holds, and compacts the file so nothing of it is left on disk.
    public func forget() throws(StoreError) {
        try write("delete everything") { db in
            for table in ["journal_entry", "mood_rating", "self_care_item", "therapist_topic", "habit_checkin", "habit", "safety_plan",
                          "crisis_event"]
            {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
        do {
            try writer.vacuum()
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw StoreError.wrap(error, path: where_, doing: "compact the database")
        }
    }

    /// The result of SQLite's own consistency check: `["ok"]` when the file is sound.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    // MARK: - JournalStore

    public func append(_ entry: JournalEntry) throws {
        try save(kind: entry.kind ?? entry.flow, flow: entry.flow, text: entry.text, date: entry.date)
    }

    public func entries() throws -> [JournalEntry] {
        try journal().map { JournalEntry(date: $0.date, flow: $0.flow, text: $0.text, kind: $0.kind) }
    }

    public func noteSafety(_ tier: String, date: String) throws {
        try noteSafety(tier: tier, date: date)
    }

    public func recall() throws -> [String: String] { try StoreRecall.values(self) }
}

extension DatabaseError: DatabaseErrorDescribing {
    var storeMessage: String {
        switch resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return "the database can't be written (\(message ?? "read-only"))"
        case .SQLITE_CANTOPEN: return "the database can't be opened (\(message ?? "unable to open"))"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the database file is damaged or is not a database"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another chat kept the database busy for too long"
        default: return message ?? "\(resultCode)"
        }
    }
}

/// Small settings the program keeps about itself, such as whether the first-run note was shown.
extension Store {
    /// The value kept under `key`, if any.
    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// Keeps `value` under `key`.
    public func setSetting(_ key: String, to value: String) throws(StoreError) {
        try write("save a setting") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
