// A libFuzzer entry point for the code that reads untrusted text. Run on demand, never in CI:
//   BETWEEN_FUZZ=1 swift build -c release --product FuzzScreen --sanitize=address -Xswiftc -use-ld=lld \
//     --scratch-path .build-fuzz
// (BETWEEN_FUZZ links libFuzzer into this target alone and instruments Intents and Dialogue for
// coverage; `--sanitize=fuzzer` would also turn the EmbedScripts generator into a library.)
//   mkdir -p /tmp/fuzz-corpus
//   SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/FuzzScreen -max_total_time=60 -max_len=4096 \
//     /tmp/fuzz-corpus Fuzz/FuzzScreen/corpus
// FUZZ_AREA=screen|pattern|flow|transcript|conversation|archive|format runs one area alone (see
// `Area`); give each its own first corpus folder.
// Fuzz/FuzzScreen/corpus holds the hostile shapes of issue 14 as seeds (alias bombs, long chains,
// escapes, CRLF, format characters); libFuzzer writes what it finds to the first folder only.
// (LeakSanitizer reports the Swift runtime's own caches as leaks, so leak detection is off.)
// In an ordinary build this program does nothing.
import Dialogue
import Foundation
import Intents

#if BETWEEN_FUZZ
/// libFuzzer's entry point when it is linked without its own `main`.
@_extern(c, "LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(runDriver(&argc, &argv) { data, size in fuzz(data ?? UnsafePointer(bitPattern: 1)!, size) })
#endif

/// The part of the program one run feeds: `FUZZ_AREA` names it, so that each area can get its own
/// ten minutes; unset (or `all`), every input goes to every area, and a first byte "A" or "Z" picks
/// the archive or the format-character invariant.
enum Area: String, CaseIterable {
    case all, screen, pattern, flow, transcript, conversation, archive, format

    static let chosen: Area = {
        let name = ProcessInfo.processInfo.environment["FUZZ_AREA"] ?? "all"
        guard let area = Area(rawValue: name) else {
            fatalError("FUZZ_AREA=\(name) is not an area; use one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return area
    }()
}

/// Feeds arbitrary bytes to the normalizer, the safety screen, the pattern parser and index, the
/// flow and transcript readers, and a conversation; or, when the input starts with "A", to the
/// library's archive reader, as an archive and written over a real one; or, when it starts with
/// "Z", checks that format characters inserted into a crisis line change nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let area = Area.chosen
    if area == .archive || (area == .all && bytes.first == UInt8(ascii: "A")) {
        fuzzArchive(area == .all ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes)
        return 0
    }
    if area == .format || (area == .all && bytes.first == UInt8(ascii: "Z")) {
        fuzzFormatCharacters(area == .all ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes)
        return 0
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if area == .all || area == .screen {
        _ = Normalizer.tokens(text)
        _ = Normalizer.words(text)
        _ = FuzzFixtures.screen.assess(text)
    }
    if area == .all || area == .pattern { fuzzPatterns(text) }
    if area == .all || area == .flow { _ = try? FlowLoader.load(text: text, path: "fuzz.yaml") }
    if area == .all || area == .transcript { _ = try? Transcript.parse(text, path: "fuzz.transcript") }
    if area == .all || area == .conversation {
        let session = Session(library: FuzzFixtures.library, region: "US")
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
            _ = session.respond(to: String(line))
        }
    }
    return 0
}

/// The pattern parser, and lines of the input as triggers: the index must take any pattern and
/// match any line.
func fuzzPatterns(_ text: String) {
    _ = try? Pattern(text).linearized(concepts: ConceptTable())
    var matcher = IntentMatcher(concepts: FuzzFixtures.library.concepts)
    for (number, line) in text.split(separator: "\n").prefix(16).enumerated() {
        try? matcher.add(intent: "fuzz\(number)", pattern: String(line))
    }
    matcher.finish()
    _ = matcher.match(text)
    _ = matcher.allMatches(words: matcher.words(for: text))
}

/// Reading an archive must fail cleanly or succeed, whatever its bytes: `input` is read as an
/// archive, then its bytes are written over the shipped library's archive at a place it names.
func fuzzArchive(_ input: UnsafeBufferPointer<UInt8>) {
    func read(_ bytes: UnsafeRawBufferPointer) {
        _ = try? ArchiveReader.reading(bytes) { archive throws(ArchiveError) in try FlowLibrary(from: &archive) }
    }
    read(UnsafeRawBufferPointer(input))
    guard input.count > 4 else { return }
    var damaged = FuzzFixtures.archive
    let place = input.prefix(4).reduce(0) { $0 << 8 | Int($1) } % damaged.count
    for (offset, byte) in input.dropFirst(4).prefix(damaged.count - place).enumerated() { damaged[place + offset] ^= byte }
    damaged.withUnsafeBytes(read)
}

/// The invariant of issue 14, item 9: a crisis line with format characters (category Cf: zero-width
/// space, joiners, soft hyphen, bidi marks) inserted anywhere screens exactly as the line does.
/// The first byte picks the line; each following pair picks a place and a format character.
func fuzzFormatCharacters(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let line = FuzzFixtures.crisisLines[Int(first) % FuzzFixtures.crisisLines.count]
    var scalars = Array(line.unicodeScalars)
    var rest = input.dropFirst()
    while rest.count >= 2 {
        let place = Int(rest[rest.startIndex]) % (scalars.count + 1)
        let format = FuzzFixtures.formatCharacters[Int(rest[rest.startIndex + 1]) % FuzzFixtures.formatCharacters.count]
        scalars.insert(format, at: place)
        rest = rest.dropFirst(2)
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    let expected = FuzzFixtures.screen.assess(line)
    let found = FuzzFixtures.screen.assess(String(text))
    if found.tier != expected.tier || found.category != expected.category {
        let shown = scalars.map { $0.properties.generalCategory == .format ? "<U+\(String($0.value, radix: 16, uppercase: true))>" : String($0) }.joined()
        fatalError("'\(shown)' screens \(found.tier) (\(found.category)), but '\(line)' screens \(expected.tier) (\(expected.category))")
    }
}
