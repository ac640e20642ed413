import Dialogue
import Intents

/// What every fuzz run shares, built once (lazily, so it also works under libFuzzer's own main).
enum FuzzFixtures {
    static let screen = SafetyScreen(lexicon: .builtIn)
    static let library = FlowLibrary(FlowLibrary.Sources(scripts: nil))
}
