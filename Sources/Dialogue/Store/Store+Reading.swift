import GRDB

/// Reading what was saved, for the flows and the `journal`, `mood`, `plan` and `export` commands.
extension Store {
    /// Journal entries, oldest first: on or after `since` (an ISO date), of `kind`, containing every
    /// word of `search` (case-insensitive); the newest `limit` when given.
    public func journal(since: String? = nil, kind: String? = nil, search: String? = nil, limit: Int? = nil) throws(StoreError)
        -> [StoredEntry]
    {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let since {
            conditions.append("date >= ?")
            arguments += [since]
        }
        if let kind {
            conditions.append("kind = ?")
            arguments += [kind]
        }
        for word in (search ?? "").split(separator: " ") {
            conditions.append("text LIKE ? ESCAPE '\\'")
            let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            arguments += ["%" + escaped + "%"]
        }
        var sql = "SELECT id, date, flow, kind, text FROM journal_entry"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY date DESC, id DESC"
        if let limit { sql += " LIMIT \(limit)" }
        let finalSQL = sql, finalArguments = arguments
        let rows = try read { db in try Row.fetchAll(db, sql: finalSQL, arguments: finalArguments) }
        return rows.reversed().map { StoredEntry(id: $0["id"], date: $0["date"], flow: $0["flow"], kind: $0["kind"], text: $0["text"]) }
    }

    /// Mood ratings on or after `since`, oldest first.
    public func moods(since: String? = nil) throws(StoreError) -> [MoodRating] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT date, flow, phase, rating FROM mood_rating WHERE date >= ? ORDER BY date, id",
                             arguments: [since ?? ""])
                .map { MoodRating(date: $0["date"], flow: $0["flow"], phase: $0["phase"], rating: $0["rating"]) }
        }
    }

    /// The self-care list, oldest first.
    public func selfCare() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT text FROM self_care_item ORDER BY id") }
    }

    /// Therapist topics, oldest first; only the open ones unless `all`.
    public func topics(all: Bool = false) throws(StoreError) -> [TherapistTopic] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, date, text, discussed FROM therapist_topic \(all ? "" : "WHERE discussed IS NULL") ORDER BY id")
                .map { TherapistTopic(id: $0["id"], date: $0["date"], text: $0["text"], discussed: $0["discussed"]) }
        }
    }

    /// Habits with their check-ins, oldest first.
    public func habits() throws(StoreError) -> [Habit] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, date, name, step FROM habit ORDER BY id").map { row in
                let id: Int64 = row["id"]
                let checkIns = try Row.fetchAll(db, sql: "SELECT date, outcome FROM habit_checkin WHERE habitId = ? ORDER BY id",
                                                arguments: [id]).map { (date: $0["date"] as String, outcome: $0["outcome"] as String) }
                return Habit(id: id, date: row["date"], name: row["name"], step: row["step"], checkIns: checkIns)
            }
        }
    }

    /// The safety plan's steps that have been filled in, by step number (1-6).
    public func safetyPlan() throws(StoreError) -> [Int: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT step, text FROM safety_plan").map { ($0["step"] as Int, $0["text"] as String) })
        }
    }

    /// Times the safety screen raised a line, oldest first.
    public func crisisEvents(since: String? = nil) throws(StoreError) -> [CrisisEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT date, tier FROM crisis_event WHERE date >= ? ORDER BY id", arguments: [since ?? ""])
                .map { CrisisEvent(date: $0["date"], tier: $0["tier"]) }
        }
    }
}
