// Writes a Swift file that holds data files as raw string literals, for the EmbedScripts plugin.
//
//     EmbedGenerator OUTPUT NAME=PATH...
//
// Each file becomes `Embedded.NAME`, its text exactly. The raw string gets enough `#` that no
// line of the text can end it early.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedGenerator OUTPUT NAME=PATH...\n".utf8))
    exit(64)
}
var swift = "// Generated at build time by the EmbedScripts plugin. Do not edit.\n\n"
swift += "/// Data files compiled into the program, each exactly as it is in Scripts/.\n"
swift += "enum Embedded {\n"
for pair in arguments.dropFirst() {
    guard let equals = pair.firstIndex(of: "=") else { continue }
    let name = pair[..<equals], path = String(pair[pair.index(after: equals)...])
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedGenerator: error: can't read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    swift += "    /// The text of `\(path.split(separator: "/").suffix(3).joined(separator: "/"))`.\n"
    swift += "    static let \(name) = \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)\n"
}
swift += "}\n"
do {
    try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedGenerator: error: can't write \(output): \(error)\n".utf8))
    exit(1)
}
