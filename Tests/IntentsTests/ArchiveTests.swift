import PropertyBased
import Testing
@testable import Intents

/// An archive gives back exactly what was written, and a damaged one is refused, never read past its end.
@Suite("Archive")
struct ArchiveTests {
    /// The bytes of whatever `write` puts in an archive.
    static func bytes(_ write: (inout ArchiveWriter) -> Void) -> [UInt8] {
        var writer = ArchiveWriter()
        write(&writer)
        return writer.bytes
    }

    /// Reads `bytes` back with `read`, which must use them all.
    static func read<T>(_ bytes: [UInt8], _ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws -> T {
        try bytes.withUnsafeBytes { raw throws(ArchiveError) in try ArchiveReader.reading(raw, read) }
    }

    struct Sample: Equatable {
        var number = -42
        var small: Int32 = 7
        var big = UInt64.max
        var fraction = -0.125
        var flag = true
        var text = "ça va? 😢"
        var empty = ""
        var missing: String? = nil
        var present: Int? = 3
        var nested: [[String]] = [["kill", "myself"], [], ["a"]]
        var table: [String: [Int]] = ["x": [1, 2], "y": []]
        var set: Set<String> = ["lol", "jk"]
        var plain: [Int32] = [0, -1, .max, .min]
    }

    static func write(_ sample: Sample, into archive: inout ArchiveWriter) {
        archive.write(sample.number)
        archive.write(sample.small)
        archive.write(sample.big)
        archive.write(sample.fraction)
        archive.write(sample.flag)
        archive.write(sample.text)
        archive.write(sample.empty)
        archive.write(sample.missing)
        archive.write(sample.present)
        archive.write(sample.nested)
        archive.write(sample.table)
        archive.write(sample.set)
        archive.write(plain: sample.plain)
    }

    static func readSample(_ archive: inout ArchiveReader) throws(ArchiveError) -> Sample {
        Sample(number: try archive.read(), small: try archive.read(), big: try archive.read(), fraction: try archive.read(),
               flag: try archive.read(), text: try archive.read(), empty: try archive.read(), missing: try archive.read(),
               present: try archive.read(), nested: try archive.read(), table: try archive.read(), set: try archive.read(),
               plain: try archive.readPlainArray())
    }

    @Test("numbers, text, optionals and collections read back as they were written")
    func roundTrip() throws {
        let sample = Sample()
        let bytes = Self.bytes { Self.write(sample, into: &$0) }
        #expect(try Self.read(bytes, Self.readSample) == sample)
    }

    @Test("an archive cut short anywhere is refused with an error")
    func truncated() {
        let bytes = Self.bytes { Self.write(Sample(), into: &$0) }
        for length in 0..<bytes.count {
            #expect(throws: ArchiveError.self, "cut at \(length)") { try Self.read(Array(bytes[..<length]), Self.readSample) }
        }
    }

    @Test("bytes left over after the value are an error")
    func leftOver() {
        let bytes = Self.bytes { $0.write(5); $0.write(true) }
        #expect(throws: ArchiveError.self) { try Self.read(bytes) { archive throws(ArchiveError) in try archive.read(Int.self) } }
    }

    @Test("a count bigger than the bytes left, or a Bool that is not 0 or 1, is refused")
    func impossibleValues() {
        let huge = Self.bytes { $0.write(plain: Int.max); $0.write("x") }
        #expect(throws: ArchiveError.self) { try Self.read(huge) { archive throws(ArchiveError) in try archive.read([String].self) } }
        let negative = Self.bytes { $0.write(plain: -1) }
        #expect(throws: ArchiveError.self) { try Self.read(negative) { archive throws(ArchiveError) in try archive.read(String.self) } }
        let notBool = Self.bytes { $0.write(plain: UInt8(2)) }
        #expect(throws: ArchiveError.self) { try Self.read(notBool) { archive throws(ArchiveError) in try archive.read(Bool.self) } }
    }

    @Test("a section can be read on its own, and the reader goes on after it")
    func sections() throws {
        var section = ArchiveWriter()
        section.write("inside")
        let bytes = Self.bytes { $0.write(section: section); $0.write(9) }
        let (inner, after) = try Self.read(bytes) { archive throws(ArchiveError) in
            let raw = try archive.readSection()
            return (try ArchiveReader.reading(raw) { inner throws(ArchiveError) in try inner.read(String.self) }, try archive.read(Int.self))
        }
        #expect(inner == "inside")
        #expect(after == 9)
    }

    @Test("a pattern index read back finds the same matches as the one written, on any rules and lines")
    func patternIndex() async {
        await propertyCheck(count: 150, input: PatternIndexPropertyTests.rules, PatternIndexPropertyTests.lines) { rules, lines in
            let (index, _) = PatternIndexPropertyTests.build(rules, keepingEmpty: false)
            let bytes = Self.bytes { $0.write(index) }
            guard let copy = try? Self.read(bytes, { archive throws(ArchiveError) in try archive.read(PatternIndex.self) }) else {
                Issue.record("the index could not be read back: rules \(rules)")
                return
            }
            #expect(copy.patterns == index.patterns)
            for line in lines {
                #expect(copy.wholeMatches(line).sorted() == index.wholeMatches(line).sorted(), "rules \(rules), line \(line)")
                for start in 0..<line.count {
                    let ours = copy.prefixMatches(line, from: start).map { [$0.pattern, $0.end] }.sorted { $0.lexicographicallyPrecedes($1) }
                    let theirs = index.prefixMatches(line, from: start).map { [$0.pattern, $0.end] }.sorted { $0.lexicographicallyPrecedes($1) }
                    #expect(ours == theirs, "rules \(rules), line \(line), from \(start)")
                }
            }
        }
    }

    @Test("a matcher read back picks the same winner, with the same trigger text")
    func intentMatcher() async {
        await propertyCheck(count: 100, input: PatternIndexPropertyTests.rules, PatternIndexPropertyTests.lines) { rules, lines in
            var matcher = IntentMatcher(concepts: PatternIndexPropertyTests.concepts)
            for (number, rule) in rules.enumerated() { try? matcher.add(intent: "i\(number)", pattern: rule) }
            matcher.finish()
            let bytes = Self.bytes { matcher.archive(into: &$0) }
            guard let copy = try? Self.read(bytes, { archive throws(ArchiveError) in
                try IntentMatcher(from: &archive, concepts: PatternIndexPropertyTests.concepts)
            }) else {
                Issue.record("the matcher could not be read back: rules \(rules)")
                return
            }
            for line in lines { #expect(copy.match(words: line) == matcher.match(words: line), "rules \(rules), line \(line)") }
        }
    }

    @Test("an index whose numbers point outside itself is refused")
    func malformedIndex() throws {
        var index = PatternIndex()
        let concepts = ConceptTable()
        for form in try Pattern("i feel [so] tired").linearized(concepts: concepts) { index.insert(form, concepts: concepts) }
        var bytes = Self.bytes { $0.write(index) }
        // The first node's word child sits in the second Int32 after the node count.
        let offset = MemoryLayout<Int>.size + MemoryLayout<Int32>.size
        bytes.replaceSubrange(offset..<offset + 4, with: withUnsafeBytes(of: Int32(1_000_000)) { Array($0) })
        #expect(throws: ArchiveError.self) { try Self.read(bytes) { archive throws(ArchiveError) in try archive.read(PatternIndex.self) } }
    }
}
