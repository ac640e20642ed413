/// A hash table from a pair of small numbers (a node and a label) to a number, for trie edges.
///
/// Open addressing with linear probing over one flat array: a lookup hashes two integers and
/// reads one or two slots (key and value side by side, so usually one cache line), with no
/// allocation and no reference counting.
struct EdgeTable: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private static let empty = UInt64.max
    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        slots = [Slot](repeating: Slot(key: Self.empty, value: -1), count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private static func key(_ from: Int32, _ label: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: label))
    }

    /// The value stored for (`from`, `label`), or -1.
    func value(_ from: Int32, _ label: Int32) -> Int32 { withView { $0.value(from, label) } }

    /// A read-only view of the table's storage, for lookups in a hot loop without reference counting.
    struct View {
        let slots: UnsafeBufferPointer<Slot>
        let shift: UInt64

        /// The value stored for (`from`, `label`), or -1.
        @inline(__always)
        func value(_ from: Int32, _ label: Int32) -> Int32 {
            let key = EdgeTable.key(from, label)
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let slot = slots[index]
                if slot.key == key { return slot.value }
                if slot.key == EdgeTable.empty { return -1 }
                index = (index + 1) & mask
            }
        }
    }

    /// Calls `body` with a view of the table that is valid only during the call.
    func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        try slots.withUnsafeBufferPointer { slots in try body(View(slots: slots, shift: shift)) }
    }

    /// Stores `value` for (`from`, `label`), replacing any earlier one.
    mutating func set(_ from: Int32, _ label: Int32, to value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.key(from, label)
        let index = place(key)
        if slots[index].key == Self.empty { count += 1 }
        slots[index] = Slot(key: key, value: value)
    }

    /// Where `key` is, or the empty slot where it would go.
    private func place(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[index].key != Self.empty && slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: Self.empty, value: -1), count: old.count * 2)
        shift -= 1
        for slot in old where slot.key != Self.empty { slots[place(slot.key)] = slot }
    }
}

extension EdgeTable: Archivable {
    /// Only the entries, keys and values apart: the table is at most half full, and a ``Slot``
    /// pads to sixteen bytes, so storing it whole would take three to five times the bytes.
    func archive(into archive: inout ArchiveWriter) {
        let used = slots.filter { $0.key != Self.empty }
        archive.write(plain: slots.count)
        archive.write(plain: used.map(\.key))
        archive.write(plain: used.map(\.value))
    }

    init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let size = try archive.read(plain: Int.self)
        let keys = try archive.readPlainArray(of: UInt64.self), values = try archive.readPlainArray(of: Int32.self)
        guard size >= 16, size.nonzeroBitCount == 1, keys.count == values.count, keys.count * 2 <= size,
              size <= max(16, 4 * (keys.count + 1))
        else { throw ArchiveError("an edge table is malformed") }
        slots = [Slot](repeating: Slot(key: Self.empty, value: -1), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for (key, value) in zip(keys, values) {
            let index = place(key)
            guard key != Self.empty, slots[index].key == Self.empty else { throw ArchiveError("an edge table is malformed") }
            slots[index] = Slot(key: key, value: value)
        }
        count = keys.count
    }
}

extension EdgeTable {
    /// Calls `body` with the (`from`, `label`) of every entry, in no particular order.
    func forEachKey(_ body: (Int32, Int32) -> Void) {
        for slot in slots where slot.key != Self.empty {
            body(Int32(bitPattern: UInt32(truncatingIfNeeded: slot.key >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: slot.key)))
        }
    }

    /// Whether every stored value passes `test`.
    func allValues(_ test: (Int32) -> Bool) -> Bool {
        slots.allSatisfy { $0.key == Self.empty || test($0.value) }
    }
}
