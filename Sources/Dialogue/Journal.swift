import Foundation

/// One saved entry: what the person wrote during an exercise.
public struct JournalEntry: Codable, Equatable, Sendable {
    public var date: String
    public var flow: String
    public var text: String

    public init(date: String, flow: String, text: String) {
        self.date = date
        self.flow = flow
        self.text = text
    }
}

/// Where journal entries go.
public protocol JournalStore: AnyObject {
    /// Saves `entry`; throws when it could not be written.
    func append(_ entry: JournalEntry) throws
    /// Every entry, oldest first.
    func entries() throws -> [JournalEntry]
}

/// Keeps entries in memory only: used when testing flows through a pipe.
public final class MemoryJournal: JournalStore {
    public private(set) var saved: [JournalEntry] = []
    public init() {}
    public func append(_ entry: JournalEntry) { saved.append(entry) }
    public func entries() -> [JournalEntry] { saved }
}

/// A JSON-lines file readable only by its owner (mode 0600), replaced atomically on every write.
public final class FileJournal: JournalStore {
    public let path: String

    public init(path: String) { self.path = path }

    public func entries() throws -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(JournalEntry.self, from: Data($0)) }
    }

    public func append(_ entry: JournalEntry) throws {
        var data = FileManager.default.contents(atPath: path) ?? Data()
        if let last = data.last, last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        data.append(try encoder.encode(entry))
        data.append(UInt8(ascii: "\n"))
        try PrivateFile.write(data, to: path)
    }
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
}
