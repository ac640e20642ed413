import Foundation

/// What `stat` tells of a file, as make and git judge whether it changed: its size, inode and
/// device, and when its contents (mtime) and its contents or attributes (ctime) last changed, to
/// the nanosecond. Any write changes the ctime, which no tool can set back.
public struct FileStamp: Equatable, Sendable {
    /// A moment as `stat` gives it.
    public struct Time: Equatable, Sendable {
        public var seconds: Int64
        public var nanoseconds: Int64
    }

    public var size: UInt64
    public var inode: UInt64
    public var device: UInt64
    /// When the contents last changed (mtime).
    public var modified: Time
    /// When the contents or attributes last changed (ctime).
    public var changed: Time

    /// The stamp of the file at `path` (links followed); nil when there is none or it can't be read.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        size = UInt64(truncatingIfNeeded: info.st_size)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
        device = UInt64(truncatingIfNeeded: info.st_dev)
        self.modified = Time(seconds: Int64(modified.tv_sec), nanoseconds: Int64(modified.tv_nsec))
        self.changed = Time(seconds: Int64(changed.tv_sec), nanoseconds: Int64(changed.tv_nsec))
    }

    /// Every field as a number, for a digest: size, inode, device, then both times.
    public var words: [UInt64] {
        [size, inode, device] + [modified.seconds, modified.nanoseconds, changed.seconds, changed.nanoseconds]
            .map { UInt64(truncatingIfNeeded: $0) }
    }
}
