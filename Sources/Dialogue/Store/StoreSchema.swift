import GRDB

/// The database's tables, built by versioned migrations: a migration once shipped is never edited,
/// a change is a new migration appended at the end.
///
/// The version is SQLite's `user_version`. Migrating happens inside one IMMEDIATE transaction, which
/// holds the database's write lock: two programs opening a new database at once can't both run a
/// migration (GRDB's own migrator checks what was applied before it takes the lock).
enum StoreSchema {
    /// Brings the database up to the last migration.
    static func migrate(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                for (index, migration) in migrations.enumerated() where index + 1 > version {
                    try migration(db)
                }
                if version < migrations.count { try db.execute(sql: "PRAGMA user_version = \(migrations.count)") }
                return .commit
            }
        }
    }

    /// Every migration in order; the database's version is how many have run.
    static let migrations: [@Sendable (Database) throws -> Void] = [
        // 1: the companion's tables.
        { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            // What the person wrote in an exercise: the flow it came from and what kind of entry it is.
            try db.create(table: "journal_entry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull().indexed()
                t.column("flow", .text).notNull()
                t.column("kind", .text).notNull().indexed()
                t.column("text", .text).notNull()
            }
            // A 0-10 rating, on its own or before and after an exercise.
            try db.create(table: "mood_rating") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull().indexed()
                t.column("flow", .text).notNull()
                t.column("phase", .text).notNull().check { ["check-in", "before", "after"].contains($0) }
                t.column("rating", .integer).notNull().check { $0 >= 0 && $0 <= 10 }
            }
            try db.create(table: "self_care_item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(table: "therapist_topic") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
                t.column("discussed", .text)  // when it was marked discussed; null while open
            }
            try db.create(table: "habit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull()
                t.column("name", .text).notNull()
                t.column("step", .text).notNull().defaults(to: "")
            }
            try db.create(table: "habit_checkin") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("habit", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()
                t.column("outcome", .text).notNull()
            }
            // The six Stanley-Brown steps, one row each.
            try db.create(table: "safety_plan") { t in
                t.primaryKey("step", .integer).check { $0 >= 1 && $0 <= 6 }
                t.column("text", .text).notNull()
                t.column("updated", .text).notNull()
            }
            // That the safety screen raised a line, and how far: never what the line said.
            try db.create(table: "crisis_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("date", .text).notNull()
                t.column("tier", .text).notNull()
            }
        },
    ]
}
