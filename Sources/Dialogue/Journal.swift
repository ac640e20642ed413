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

/// Writes files that only their owner can read, atomically (temporary file, then rename).
public enum PrivateFile {
    /// Replaces `path` with `data`; the folder is created with mode 0700 when missing.
    public static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        removeStaleTemporaries(of: path)
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)  // a stale or planted file must not lend its mode or its target
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary]) }
        var ok = true
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; ok = false; break }
                offset += written
            }
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Deletes `path.tmp-PID` files left by a program that was killed mid-write (its PID no longer runs).
    static func removeStaleTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for file in files where file.hasPrefix(name + ".tmp-") {
            guard let pid = Int32(file.dropFirst(name.count + 5)), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink((folder.isEmpty ? "" : folder + "/") + file) }
        }
    }
}
