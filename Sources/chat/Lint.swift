import ArgumentParser
import Dialogue
import Foundation

/// `chat lint`: checks flow files and the data beside them.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check flow, concept, list and safety files; print path:line:col: error|warning: message.",
        discussion: "With no PATH, checks the shipped Scripts folder: flows, concepts, lists, the safety lexicon and the crisis lines. A PATH may be a flow file or folder, concepts.yaml, a file in lists/, lexicon.yaml or crisis-lines.yaml. Exits with 1 when there are errors. Codes are explained in docs/diagnostics.md.")

    @Argument(help: "Flow files or folders (default: the shipped flows).")
    var paths: [String] = []

    @OptionGroup var library: LibraryOptions

    func run() throws {
        var sources = library.sources(includeUserFolderByDefault: false)
        var dataProblems: [Diagnostic] = []
        var dataFiles = 0
        if !paths.isEmpty {
            var folders: [String] = [], files: [String] = []
            for path in paths {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    throw ValidationError("no such file or folder: \(path)")
                }
                if isFolder.boolValue {
                    folders.append(path)
                } else if let problems = Linter.lintDataFile(path) {
                    dataProblems += problems  // concepts, a list, the lexicon or the crisis lines
                    dataFiles += 1
                } else {
                    files.append(path)
                }
            }
            sources.flowFolders = folders
            sources.flowFiles = files
        }
        let library = FlowLibrary(sources)
        let problems = dataProblems + (sources.flowFolders.isEmpty && sources.flowFiles.isEmpty && !paths.isEmpty ? [] : Linter.lint(library))
        let style = Style.forStandardOutput()
        for problem in problems {
            let text = problem.description
            Output.write((problem.severity == .error ? style.error(text) : text) + "\n")
        }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        let files = sources.flowFolders.flatMap(LibraryLoader.yamlFiles).count + sources.flowFiles.count + dataFiles
        Output.write("\(files) file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
