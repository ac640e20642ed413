import PropertyBased
import Testing
@testable import Intents

/// The trie's edge table maps (node, label) pairs to children, like a dictionary would.
@Suite("EdgeTable")
struct EdgeTableTests {
    @Test("stores, replaces and finds values; a missing pair is -1")
    func basics() {
        var table = EdgeTable()
        #expect(table.value(0, 0) == -1)
        table.set(0, 0, to: 7)
        table.set(0, 1, to: 8)
        table.set(1, 0, to: 9)
        #expect(table.value(0, 0) == 7)
        #expect(table.value(0, 1) == 8)
        #expect(table.value(1, 0) == 9)
        table.set(0, 0, to: 10)
        #expect(table.value(0, 0) == 10)
        #expect(table.count == 3)
        #expect(table.value(1, 1) == -1)
    }

    @Test("agrees with a dictionary on any pairs, through many resizes")
    func agreesWithDictionary() async {
        let pair = Gen.int(in: 0...60).array(of: 2...2)
        let pairs = pair.array(of: 0...400)
        await propertyCheck(count: 100, input: pairs, pairs) { added, probes in
            var table = EdgeTable()
            var reference: [[Int]: Int32] = [:]
            for (number, pair) in added.enumerated() {
                table.set(Int32(pair[0]), Int32(pair[1]), to: Int32(number))
                reference[pair] = Int32(number)
            }
            #expect(table.count == reference.count)
            for pair in added + probes { #expect(table.value(Int32(pair[0]), Int32(pair[1])) == (reference[pair] ?? -1)) }
        }
    }
}
