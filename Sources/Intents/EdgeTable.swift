/// A hash table from a pair of small numbers (a node and a label) to a number, for trie edges.
///
/// Open addressing with linear probing over flat arrays: a lookup hashes two integers and
/// reads one or two slots, with no allocation and no reference counting.
struct EdgeTable: Sendable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: Self.empty, count: 16)
        values = [Int32](repeating: -1, count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private static func key(_ from: Int32, _ label: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: label))
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for (`from`, `label`), or -1.
    @inline(__always)
    func value(_ from: Int32, _ label: Int32) -> Int32 {
        let key = Self.key(from, label)
        let mask = keys.count - 1
        return keys.withUnsafeBufferPointer { keys in
            var slot = slot(for: key)
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == Self.empty { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A read-only view of the table's storage, for lookups in a hot loop without reference counting.
    struct View {
        let keys: UnsafeBufferPointer<UInt64>
        let values: UnsafeBufferPointer<Int32>
        let shift: UInt64

        /// The value stored for (`from`, `label`), or -1.
        @inline(__always)
        func value(_ from: Int32, _ label: Int32) -> Int32 {
            let key = EdgeTable.key(from, label)
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == EdgeTable.empty { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Calls `body` with a view of the table that is valid only during the call.
    func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        try keys.withUnsafeBufferPointer { keys in
            try values.withUnsafeBufferPointer { values in try body(View(keys: keys, values: values, shift: shift)) }
        }
    }

    /// Stores `value` for (`from`, `label`), replacing any earlier one.
    mutating func set(_ from: Int32, _ label: Int32, to value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.key(from, label)
        let mask = keys.count - 1
        var slot = slot(for: key)
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == Self.empty { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != Self.empty {
            var slot = slot(for: key)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
