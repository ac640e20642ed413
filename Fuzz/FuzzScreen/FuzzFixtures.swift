import Dialogue
import Intents

/// What every fuzz run shares, built once (lazily, so it also works under libFuzzer's own main).
enum FuzzFixtures {
    static let screen = SafetyScreen(lexicon: .builtIn)
    static let library = FlowLibrary(FlowLibrary.Sources(scripts: nil))
    /// The bytes of `library`'s archive, to damage.
    static let archive: [UInt8] = {
        var writer = ArchiveWriter()
        library.archive(into: &writer)
        return writer.bytes
    }()
}
