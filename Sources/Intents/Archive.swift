/// A compact binary form of compiled values, so that a library compiled once can be read back
/// in a fraction of the time compiling takes.
///
/// Values are written one after another with no names or tags, so a reader must read exactly
/// what the writer wrote, in the same order. Whoever stores an archive must check that it was
/// written by the same program and is whole (the library cache keeps a format version, a key and
/// a checksum); the reader itself only guarantees never to read past the end.
public protocol Archivable {
    /// Appends the value to `archive`.
    func archive(into archive: inout ArchiveWriter)
    /// Reads back a value written by ``archive(into:)``.
    init(from archive: inout ArchiveReader) throws(ArchiveError)
}

/// An archive that can't be read back: it ends too soon or holds an impossible value.
public struct ArchiveError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    static let truncated = ArchiveError("the archive ends too soon")
}

/// Writes values into a growing byte buffer.
public struct ArchiveWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Appends the bytes of a plain value (an integer or a struct of them) as they are in memory.
    public mutating func write<T: BitwiseCopyable>(plain value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Appends an array of plain values in one copy.
    public mutating func write<T: BitwiseCopyable>(plain array: [T]) {
        write(plain: array.count)
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: some Archivable) { value.archive(into: &self) }

    /// Appends everything `section` holds, with its length in front, so a reader can hand the
    /// section to another thread and skip past it (``ArchiveReader/readSection()``).
    public mutating func write(section: ArchiveWriter) { write(plain: section.bytes) }

    /// Appends raw bytes, with no count in front.
    mutating func append(_ raw: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: raw) }
}

/// Reads values back from bytes written by an ``ArchiveWriter``, checking every length.
public struct ArchiveReader {
    private let base: UnsafeRawBufferPointer
    private var offset = 0

    private init(_ base: UnsafeRawBufferPointer) { self.base = base }

    /// Calls `body` with a reader over `bytes`; the reader is valid only during the call.
    public static func reading<T>(_ bytes: UnsafeRawBufferPointer,
                                  _ body: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> T {
        var reader = ArchiveReader(bytes)
        let value = try body(&reader)
        guard reader.offset == bytes.count else { throw ArchiveError("the archive has \(bytes.count - reader.offset) bytes left over") }
        return value
    }

    /// Reads a plain value written by ``ArchiveWriter/write(plain:)-(T)``.
    public mutating func read<T: BitwiseCopyable>(plain: T.Type) throws(ArchiveError) -> T {
        let size = MemoryLayout<T>.size
        guard size <= base.count - offset else { throw .truncated }
        let value = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    /// Reads an array of plain values written by ``ArchiveWriter/write(plain:)-([T])``.
    public mutating func readPlainArray<T: BitwiseCopyable>(of: T.Type = T.self) throws(ArchiveError) -> [T] {
        let count = try readCount(size: MemoryLayout<T>.stride)
        let bytes = UnsafeRawBufferPointer(rebasing: base[offset..<offset + count * MemoryLayout<T>.stride])
        offset += bytes.count
        // An empty array shares one storage for the whole program: filling it "uninitialized" writes its
        // count there, which ThreadSanitizer reports as a race between two readers on two threads.
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
            initialized = count
        }
    }

    /// The bytes of a section written by ``ArchiveWriter/write(section:)``, to read with a reader
    /// of their own while they stay valid.
    public mutating func readSection() throws(ArchiveError) -> UnsafeRawBufferPointer {
        let count = try readCount(size: 1)
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + count])
    }

    public mutating func read<T: Archivable>(_: T.Type = T.self) throws(ArchiveError) -> T { try T(from: &self) }

    /// Reads a count of things at least `size` bytes each, refusing one the rest could not hold.
    public mutating func readCount(size: Int) throws(ArchiveError) -> Int {
        let count: Int = try read(plain: Int.self)
        guard count >= 0, count <= (base.count - offset) / max(size, 1) else { throw .truncated }
        return count
    }

    /// Reads `count` bytes as UTF-8 text.
    mutating func readText(count: Int) -> String {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]), as: UTF8.self)
        offset += count
        return text
    }
}

extension String: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        var copy = self
        copy.withUTF8 { utf8 in
            archive.write(plain: utf8.count)
            archive.append(utf8)
        }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self = archive.readText(count: try archive.readCount(size: 1))
    }
}

extension Int: Archivable {
    public func archive(into archive: inout ArchiveWriter) { archive.write(plain: self) }
    public init(from archive: inout ArchiveReader) throws(ArchiveError) { self = try archive.read(plain: Int.self) }
}

extension Int32: Archivable {
    public func archive(into archive: inout ArchiveWriter) { archive.write(plain: self) }
    public init(from archive: inout ArchiveReader) throws(ArchiveError) { self = try archive.read(plain: Int32.self) }
}

extension UInt64: Archivable {
    public func archive(into archive: inout ArchiveWriter) { archive.write(plain: self) }
    public init(from archive: inout ArchiveReader) throws(ArchiveError) { self = try archive.read(plain: UInt64.self) }
}

extension Double: Archivable {
    public func archive(into archive: inout ArchiveWriter) { archive.write(plain: self.bitPattern) }
    public init(from archive: inout ArchiveReader) throws(ArchiveError) { self = Double(bitPattern: try archive.read(plain: UInt64.self)) }
}

extension Bool: Archivable {
    public func archive(into archive: inout ArchiveWriter) { archive.write(plain: UInt8(self ? 1 : 0)) }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        switch try archive.read(plain: UInt8.self) {
        case 0: self = false
        case 1: self = true
        case let other: throw ArchiveError("\(other) is not a Bool")
        }
    }
}

extension Optional: Archivable where Wrapped: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(self != nil)
        if let self { archive.write(self) }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self = try archive.read(Bool.self) ? try archive.read(Wrapped.self) : nil
    }
}

extension Array: Archivable where Element: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(plain: count)
        for element in self { archive.write(element) }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let count = try archive.readCount(size: 1)
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try archive.read(Element.self)) }
    }
}

extension Set: Archivable where Element: Archivable {
    public func archive(into archive: inout ArchiveWriter) { archive.write(Array(self)) }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) { self = Set(try archive.read([Element].self)) }
}

extension Dictionary: Archivable where Key: Archivable, Value: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(plain: count)
        for (key, value) in self {
            archive.write(key)
            archive.write(value)
        }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let count = try archive.readCount(size: 2)
        self = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let key = try archive.read(Key.self)
            self[key] = try archive.read(Value.self)
        }
    }
}

/// Archives an enumeration by its raw value.
public protocol ArchivableByRawValue: Archivable, RawRepresentable where RawValue: Archivable {}

extension ArchivableByRawValue {
    public func archive(into archive: inout ArchiveWriter) { archive.write(rawValue) }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let raw = try archive.read(RawValue.self)
        guard let value = Self(rawValue: raw) else { throw ArchiveError("'\(raw)' is not a \(Self.self)") }
        self = value
    }
}
