import Dialogue
import Intents

/// What every fuzz run shares, built once (lazily, so it also works under libFuzzer's own main).
enum FuzzFixtures {
    static let screen = SafetyScreen(lexicon: .builtIn)
    static let library = FlowLibrary(FlowLibrary.Sources(scripts: nil))
    /// Lines the screen must rate crisis or higher, for the format-character invariant.
    static let crisisLines = [
        "I want to kill myself", "i want to die", "I don't want to be alive anymore", "i took all my pills an hour ago",
        "I'm going to end my life tonight", "I keep thinking about suicide", "I want to hurt myself", "im gonna kill myself",
    ]
    /// Every Unicode format character (category Cf).
    static let formatCharacters: [Unicode.Scalar] = (0...0x10FFFF).compactMap { Unicode.Scalar($0) }
        .filter { $0.properties.generalCategory == .format }
    /// The bytes of `library`'s archive, to damage.
    static let archive: [UInt8] = {
        var writer = ArchiveWriter()
        library.archive(into: &writer)
        return writer.bytes
    }()
}
