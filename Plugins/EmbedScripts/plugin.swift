import Foundation
import PackagePlugin

/// Compiles data files from `Scripts/` into the target that uses it, as Swift raw strings.
///
/// The compiled-in copy is then the file itself, byte for byte, read the same way as the file on
/// disk. An edited file is embedded again on the next build.
@main
struct EmbedScripts: BuildToolPlugin {
    /// The files each target embeds: a Swift name and a path under the package.
    static let files: [String: [(name: String, path: String)]] = [
        "Intents": [("safetyModel", "Scripts/safety/model.txt")],
        "Dialogue": [
            ("storeText", "Scripts/store.yaml"),
            ("crisisFlow", "Scripts/flows/crisis.yaml"),
            ("crisisLines", "Scripts/safety/crisis-lines.yaml"),
        ],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let files = Self.files[target.name] ?? []
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded.swift")
        let inputs = files.map { root.appending(path: $0.path) }
        return [
            .buildCommand(
                displayName: "Embedding \(files.map(\.path).joined(separator: ", ")) in \(target.name)",
                executable: try context.tool(named: "EmbedGenerator").url,
                arguments: [output.path] + zip(files, inputs).map { "\($0.name)=\($1.path)" },
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
