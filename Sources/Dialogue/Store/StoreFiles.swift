import Foundation

/// The folder and files of the store: created private to their owner, never followed through a link.
enum StoreFiles {
    /// Makes sure `folder` exists, creating it (and its parents) with mode 0700 when missing.
    ///
    /// An existing folder keeps its mode unless `tighten` is set, for the default XDG folder that
    /// is the program's own.
    static func prepare(folder: String, tighten: Bool) throws(StoreError) {
        var info = stat()
        if stat(folder, &info) != 0 {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("could not create the folder (\(reasonOfLastCall(error)))", path: folder,
                                 fix: "Check that you may write to the folder above it, or start chat with --data-dir and another folder.")
            }
            chmod(folder, 0o700)
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError("this is a file, not a folder", path: folder, fix: "Move the file away, or start chat with --data-dir and a folder.")
        }
        if tighten, info.st_uid == getuid(), info.st_mode & 0o077 != 0 { chmod(folder, 0o700) }
    }

    /// Makes sure the database file and its companions (-wal, -shm) are regular files with mode 0600.
    ///
    /// A missing database file is created empty with mode 0600, so SQLite gives the -wal and -shm
    /// files it creates the same mode. A symbolic link is refused: the data must not end up somewhere
    /// the person didn't choose.
    static func prepare(database path: String) throws(StoreError) {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            if lstat(file, &info) != 0 {
                if file == path {
                    let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                    if fd < 0, errno != EEXIST {
                        throw StoreError("could not create the database (\(StoreError.reason()))", path: file, fix: StoreError.fixHint)
                    }
                    if fd >= 0 { close(fd) }
                }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw StoreError("this is a symbolic link, and the store only uses a regular file", path: file,
                                 fix: "Replace the link with the file it points to, or start chat with --data-dir and another folder.")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw StoreError("this is not a regular file", path: file, fix: "Move it away, or start chat with --data-dir and another folder.")
            }
            if info.st_mode & 0o077 != 0, info.st_uid == getuid() { chmod(file, 0o600) }
        }
    }

    /// Sets mode 0600 on the -wal and -shm files SQLite made, in case a umask or an older file lent another.
    static func tighten(database path: String) {
        for file in [path + "-wal", path + "-shm"] {
            var info = stat()
            if lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 != 0 { chmod(file, 0o600) }
        }
    }

    private static func reasonOfLastCall(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return StoreError.reason(Int32(underlying.code))
        }
        return StoreError.reason()
    }
}
