import Yams

/// The words the program says about what it keeps, from `Scripts/store.yaml` (compiled in).
public enum StoreText {
    /// Every entry of the file, by key.
    public static let table: [String: String] = {
        guard let node = try? Yams.compose(yaml: Embedded.storeText, .basic), case .mapping(let mapping) = node else { return [:] }
        var table: [String: String] = [:]
        for (key, value) in mapping {
            if let key = key.string, let value = value.string { table[key] = value }
        }
        return table
    }()

    /// The text for `key` with `values` filled in, without a final newline; the key itself if missing,
    /// which a test rules out.
    public static func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = Template.render(table[key] ?? key, values)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
