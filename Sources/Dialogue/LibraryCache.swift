import Foundation
import Intents

/// A compiled library kept in one private file, so that start-up reads it back instead of
/// compiling every flow, list and safety pattern again.
///
/// The file is used only when it was written by this same program (`identity`) from exactly the
/// files the library would be compiled from now, unchanged since: their paths and states are
/// part of its key. Anything else (another version, an edited flow, a damaged or foreign file)
/// means compiling again and replacing the file. Nothing in the cache can weaken the safety
/// screen: a library read back must still pass ``FlowLibrary/passesSafetyCanaries``.
public struct LibraryCache: Equatable, Sendable {
    /// Where the cache lives, such as `~/.cache/between/library.bin`.
    public let path: String
    /// Names the program that writes and reads the cache; a different program ignores it.
    public let identity: String

    /// Bumped whenever the archived form of any type changes.
    static let formatVersion: UInt64 = 2
    static let magic: UInt64 = 0x3162_696C_6E77_7462  // "btwnlib1"
    static let headerSize = 5 * MemoryLayout<UInt64>.size

    public init(path: String, identity: String) {
        self.path = path
        self.identity = identity
    }

    /// How a load went.
    public enum Outcome: Equatable, Sendable {
        /// Read back from the cache.
        case read
        /// Compiled, and the cache written.
        case compiled
        /// Compiled; the cache could not be written (the reason is given).
        case compiledNotStored(String)
    }

    /// The library for `sources`: from the cache when it matches them, otherwise compiled and stored.
    public func load(_ sources: FlowLibrary.Sources) -> (library: FlowLibrary, outcome: Outcome) {
        let key = key(for: sources)
        if let library = read(key: key) { return (library, .read) }
        return compile(sources, key: key)
    }

    /// The cached library for `sources`, if the cache holds it; nothing is compiled or written.
    public func cached(_ sources: FlowLibrary.Sources) -> FlowLibrary? { read(key: key(for: sources)) }

    private func compile(_ sources: FlowLibrary.Sources, key: UInt64) -> (library: FlowLibrary, outcome: Outcome) {
        let library = FlowLibrary(sources)
        do {
            try PrivateFile.write(Self.file(for: library, key: key), to: path)
            return (library, .compiled)
        } catch {
            return (library, .compiledNotStored("could not write \(path)"))
        }
    }

    /// The key of a library compiled from `sources` by this program: the program, and the path
    /// and state of every file it reads. A file's state is its ``FileStamp``, as make and git judge
    /// files: any write changes its ctime, so reading every byte would add cost and no safety.
    func key(for sources: FlowLibrary.Sources) -> UInt64 {
        var digest = Digest()
        digest.add(identity)
        digest.add(Self.formatVersion)
        for path in LibraryLoader.inputFiles(sources) {
            digest.add(path)
            guard let stamp = FileStamp(path: path) else {
                digest.add(UInt64.max)  // missing: a file that appears later changes the key
                continue
            }
            for word in stamp.words { digest.add(word) }
        }
        return digest.value
    }

    /// The cached library, if the file holds one with this key, whole. (Reading it back checks its
    /// safety screen against the canaries too.)
    func read(key: UInt64) -> FlowLibrary? {
        // Read, not mapped: a mapped file cut short by someone else while it is read would crash the program.
        guard let data = FileManager.default.contents(atPath: path), data.count >= Self.headerSize else { return nil }
        return data.withUnsafeBytes { bytes -> FlowLibrary? in
            let header = (0..<5).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
            let payload = UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...])
            guard header[0] == Self.magic, header[1] == Self.formatVersion, header[2] == key,
                  header[3] == UInt64(payload.count)
            else { return nil }
            var digest = Digest()
            digest.add(payload)
            guard header[4] == digest.value,
                  let library = try? ArchiveReader.reading(payload, { archive throws(ArchiveError) in try FlowLibrary(from: &archive) })
            else { return nil }
            return library
        }
    }

    /// The bytes of a cache file holding `library` under `key`.
    static func file(for library: FlowLibrary, key: UInt64) -> Data {
        var archive = ArchiveWriter()
        library.archive(into: &archive)
        var digest = Digest()
        archive.bytes.withUnsafeBytes { digest.add($0) }
        var header = ArchiveWriter()
        for word in [magic, formatVersion, key, UInt64(archive.bytes.count), digest.value] { header.write(plain: word) }
        return Data(header.bytes + archive.bytes)
    }
}

/// A fast 64-bit digest of bytes: it tells a changed or damaged file from the original, and is
/// no defence against someone forging one. Four lanes of eight bytes run side by side, so the
/// multiplications overlap.
struct Digest {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return mixed ^ (mixed >> 29)
    }

    mutating func add(_ word: UInt64) { value = Self.mix(value, word) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (value, value &+ 1, value &+ 2, value &+ 3)
        let blocks = bytes.count / 32
        for block in 0..<blocks {
            let offset = block * 32
            lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { add(lane) }
        var tail: UInt64 = 0
        for index in (blocks * 32)..<bytes.count {
            tail = tail << 8 | UInt64(bytes[index])
            if index % 8 == 7 { add(tail); tail = 0 }
        }
        add(tail)
    }

    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }
}

