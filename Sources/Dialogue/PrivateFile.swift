import Foundation

/// Writes files that only their owner can read, atomically: a new temporary file (mode 0600) in
/// the same folder, flushed to disk, then renamed over the old one. A missing folder is created
/// with mode 0700. The cache and the line history are both written this way.
public enum PrivateFile {
    /// Replaces `path` with `data`.
    public static func write(_ data: Data, to path: String) throws {
        try replace(path) { descriptor, _ in
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
        }
    }

    /// Replaces `path` with what `fill` writes into the new temporary file, which it is given
    /// both open (`descriptor`) and by name (`temporary`, for a library that opens the file
    /// itself). `fill` returns false when it could not write it all; `path` is then left as it was.
    public static func replace(_ path: String, filling fill: (_ descriptor: Int32, _ temporary: String) -> Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        removeStaleTemporaries(of: path)
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)  // a stale or planted file must not lend its mode or its target
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary]) }
        let ok = fill(descriptor, temporary) && fsync(descriptor) == 0
        close(descriptor)
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
