// A libFuzzer entry point for the code that reads untrusted text. Run on demand, never in CI:
//   swift build -c release --product FuzzScreen --sanitize=fuzzer --sanitize=address -Xswiftc -use-ld=lld \
//     --scratch-path .build-fuzz
//   SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/FuzzScreen -max_total_time=60 -max_len=4096
// (LeakSanitizer reports the Swift runtime's own caches as leaks, so leak detection is off.)
// In an ordinary build this program does nothing.
import Dialogue
import Intents

/// Feeds arbitrary bytes to the normalizer, the safety screen, the pattern parser and index, the
/// flow and transcript readers, and a conversation; or, when the input starts with "A", to the
/// library's archive reader, as an archive and written over a real one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if size > 0, data[0] == UInt8(ascii: "A") {
        fuzzArchive(UnsafeBufferPointer(start: data + 1, count: size - 1))
        return 0
    }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Normalizer.tokens(text)
    _ = Normalizer.words(text)
    _ = FuzzFixtures.screen.assess(text)
    _ = try? Pattern(text).linearized(concepts: ConceptTable())
    _ = try? FlowLoader.load(text: text, path: "fuzz.yaml")
    _ = try? Transcript.parse(text, path: "fuzz.transcript")
    // Lines of the input as triggers: the index must take any pattern and match any line.
    var matcher = IntentMatcher(concepts: FuzzFixtures.library.concepts)
    for (number, line) in text.split(separator: "\n").prefix(16).enumerated() {
        try? matcher.add(intent: "fuzz\(number)", pattern: String(line))
    }
    matcher.finish()
    _ = matcher.match(text)
    _ = matcher.allMatches(words: matcher.words(for: text))
    let session = Session(library: FuzzFixtures.library, region: "US")
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
        _ = session.respond(to: String(line))
    }
    return 0
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
