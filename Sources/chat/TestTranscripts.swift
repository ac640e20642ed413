import ArgumentParser
import Dialogue
import Foundation

/// `chat test`: runs golden transcripts.
struct TestTranscripts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run transcript tests and print N passed, N failed.",
        discussion: "With no PATH, runs the shipped transcripts in Scripts/transcripts. The format is in docs/authoring.md; BotiumScript .convo.txt files run too.")

    @Argument(help: "Transcript files or folders.")
    var paths: [String] = []

    @Flag(help: "Rewrite the expected lines of failing cases from what chat actually said, and show the change.")
    var update = false

    @Flag(help: "Report which steps and ways out of steps the transcripts reached, per flow.")
    var coverage = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let library = self.library.load(includeUserFolderByDefault: false)
        var files: [String] = []
        let roots = paths.isEmpty ? [Paths.scripts().map { $0 + "/transcripts" } ?? "Scripts/transcripts"] : paths
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
                throw ValidationError("no such file or folder: \(root)")
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
                files += names.filter { $0.hasSuffix(".transcript") || $0.hasSuffix(".convo.txt") }.sorted().map { root + "/" + $0 }
            } else {
                files.append(root)
            }
        }
        let runner = TranscriptRunner(library: library)
        var passed = 0, failed = 0
        var visited: Set<String> = []
        for file in files {
            let transcript: Transcript
            do { transcript = try Transcript.load(path: file) } catch {
                Output.write("ERROR \(error)\n")
                failed += 1
                continue
            }
            let results = runner.run(transcript)
            for result in results {
                visited.formUnion(result.visited)
                if result.passed {
                    passed += 1
                    Output.write("PASS \(result.name) (\(file):\(result.line))\n")
                } else if let failure = result.failure {
                    failed += 1
                    Output.write(Self.describe(result, failure))
                }
            }
            if update, results.contains(where: { !$0.passed }) {
                try TranscriptUpdater.update(transcript, results: results)
            }
        }
        if coverage { Output.write(CoverageReport(library: library, visited: visited).text) }
        Output.write("\(passed) passed, \(failed) failed\n")
        if failed > 0 && !update { throw ExitCode(1) }
    }

    static func describe(_ result: TranscriptRunner.Result, _ failure: TranscriptRunner.Failure) -> String {
        var text = "FAIL \(result.name) (\(result.transcript):\(result.line))\n"
        text += "  after '> \(failure.input)' (line \(failure.turnLine))"
        if let step = failure.step { text += ", at step \(step)" }
        text += ":\n"
        for problem in failure.explanation { text += "    \(problem)\n" }
        if !failure.expectedLines.isEmpty {
            text += "    expected:\n" + failure.expectedLines.map { "      - \($0)\n" }.joined()
            text += "    actual:\n" + failure.actualLines.map { "      + \($0)\n" }.joined()
        }
        return text
    }
}
