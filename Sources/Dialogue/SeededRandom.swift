/// A small, seedable random source (SplitMix64), so piped runs repeat exactly.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Picks one of a step's variants at random, never the same one twice in a row.
public struct VariantPicker: Sendable {
    private var random: SeededRandom
    private var last: [String: Int] = [:]

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// The variant last shown for `key`, if any.
    public func last(_ key: String) -> Int? { last[key] }

    /// The index of the variant to show for `key` out of `count`.
    public mutating func pick(_ key: String, count: Int) -> Int {
        guard count > 1 else {
            last[key] = 0
            return 0
        }
        var choice = Int(random.next() % UInt64(count - (last[key] == nil ? 0 : 1)))
        if let previous = last[key], choice >= previous { choice += 1 }
        last[key] = choice
        return choice
    }
}
