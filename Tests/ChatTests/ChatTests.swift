import Foundation
import TestSupport
import Testing
@testable import chat
import Dialogue

/// End to end: the real binary, through a pipe, as a tester or CI would use it.
@Suite("chat binary", .serialized)
struct ChatTests {
    @Test("a crisis line piped in shows 988 for the US")
    func crisisInPipe() throws {
        let outcome = try ChatBinary.run(["--region", "US"], lines: ["I want to kill myself"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("988"))
        #expect(!outcome.stdout.contains("> "), "no prompt in a pipe")
    }

    @Test("piping the same transcript twice gives identical output")
    func deterministic() throws {
        let lines = ["I'm stressed about my exams", "I failed a quiz", "I always ruin everything", "ashamed", "8", "stop",
                     "help me notice something good", "coffee", "I made it", "a walk", "sunny", "menu", "purple elephants"]
        let first = try ChatBinary.run([], lines: lines)
        let second = try ChatBinary.run([], lines: lines)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("I'm not sure I understood"))
        let seeded = try ChatBinary.run(["--seed", "99"], lines: lines)
        #expect(seeded.status == 0)
        let json = try ChatBinary.run(["--format", "jsonl"], lines: lines)
        #expect(json.stdout == (try ChatBinary.run(["--format", "jsonl"], lines: lines)).stdout)
        #expect(json.lines.allSatisfy { $0.hasPrefix("{\"input\":") })
    }

    @Test("--format jsonl prints exactly one object per input line, with no greeting object")
    func jsonl() throws {
        let lines = ["hello there", "help me notice something good", "I want to end my life", "", "quit"]
        let outcome = try ChatBinary.run(["--format", "jsonl", "--region", "GB"], lines: lines)
        #expect(outcome.lines.count == lines.count)
        var safety: [String] = []
        for (index, line) in outcome.lines.enumerated() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["input"] as? String == lines[index])
            #expect(object?["say"] is [String])
            #expect(object?.keys.contains("flow") == true && object?.keys.contains("step") == true)
            safety.append(object?["safety"] as? String ?? "?")
        }
        #expect(safety == ["none", "none", "crisis", "none", "none"])
        let crisis = try JSONSerialization.jsonObject(with: Data(outcome.lines[2].utf8)) as? [String: Any]
        #expect(crisis?["flow"] as? String == "crisis")
        #expect((crisis?["source"] as? String)?.contains("crisis.yaml:") == true)
        let started = try JSONSerialization.jsonObject(with: Data(outcome.lines[1].utf8)) as? [String: Any]
        #expect(started?["intent"] as? String == "two-good-things")
        #expect(started?["trigger"] is String)
    }

    @Test("the region comes from --region, then BETWEEN_REGION, then the locale, else international")
    func regionOrder() throws {
        let line = ["I want to die"]
        #expect(try ChatBinary.run([], lines: line, environment: ["BETWEEN_REGION": "AU"]).stdout.contains("13 11 14"))
        #expect(try ChatBinary.run([], lines: line, environment: ["LANG": "en_NZ.UTF-8"]).stdout.contains("1737"))
        #expect(try ChatBinary.run(["--region", "IE"], lines: line, environment: ["BETWEEN_REGION": "AU"]).stdout.contains("50808"))
        let unknown = try ChatBinary.run([], lines: line)
        #expect(unknown.stdout.contains("findahelpline.com"))
        #expect(!unknown.stdout.contains("988"))
        #expect(try ChatBinary.run(["--region", "XX"], lines: line).status == 64)
    }

    @Test("finds the shipped flows from any working directory")
    func anyDirectory() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChatBinary.path)
        process.arguments = ["match", "breathing exercise"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(out.hasPrefix("breathing\t"))
    }

    @Test("bad input ends cleanly: invalid UTF-8, control characters, a huge line, no final newline")
    func badInput() throws {
        var input = Data([0xFF, 0xFE, 0x41, 0x0A])
        input += Data("he\u{7}llo\u{1B}[2J there\n".utf8)
        input += Data(String(repeating: "x", count: 300_000).utf8) + Data("\n".utf8)
        input += Data("I want to kill myself".utf8)
        let outcome = try ChatBinary.run(["--format", "jsonl", "--region", "US"], input: input)
        #expect(outcome.status == 0)
        #expect(outcome.lines.count == 4)
        #expect(outcome.lines.last?.contains("988") == true)
        #expect(outcome.stderr.isEmpty)
    }

    @Test("a closed pipe ends the program quietly")
    func closedPipe() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let input = Repository.temporaryFolder() + "/lines.txt"
        try String(repeating: "purple elephants negotiate\n", count: 5000).write(toFile: input, atomically: true, encoding: .utf8)
        process.arguments = ["-c", "NO_COLOR=1 '\(ChatBinary.path)' < '\(input)' | head -n 1"]
        process.environment = ["PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": Repository.temporaryFolder()]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(out.hasPrefix("I'm not sure I understood"))
        #expect(!err.contains("Fatal") && !err.contains("Crash") && !err.contains("Backtrace"))
    }

    @Test("piped runs write nothing; --data-dir and --save write a private database")
    func journal() throws {
        let data = Repository.temporaryFolder()
        let lines = ["help me notice something good", "coffee", "it was warm", "a call", "my friend rang"]
        _ = try ChatBinary.run([], lines: lines, environment: ["XDG_DATA_HOME": data])
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).isEmpty)
        let folder = Repository.temporaryFolder() + "/mine"
        _ = try ChatBinary.run(["--data-dir", folder], lines: lines)
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/between.sqlite")[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)
        _ = try ChatBinary.run(["--save"], lines: lines, environment: ["XDG_DATA_HOME": data])
        #expect(FileManager.default.fileExists(atPath: data + "/between/between.sqlite"))
        let listed = try ChatBinary.run(["journal", "--data-dir", folder])
        #expect(listed.stdout.contains("coffee"))
    }

    @Test("a save that fails is told to the person, with where and why, and is never called saved")
    func saveFailure() throws {
        let outcome = try ChatBinary.run(["--data-dir", "/proc/version"], lines: ["journal", "today was long", "no"])
        #expect(!outcome.stdout.contains("Saved to your journal."))
        #expect(outcome.stdout.contains("I couldn't save that"))
        #expect(outcome.stdout.contains("/proc/version"))
        #expect(outcome.stderr.contains("/proc/version"))
        #expect(outcome.status != 0)
    }

    @Test("--journal FILE says what replaced it")
    func journalReplaced() throws {
        let outcome = try ChatBinary.run(["--journal", "/tmp/x.jsonl"], lines: [])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--data-dir"))
    }

    @Test("talk keeps the compiled library in a private cache file and answers the same from it; --no-cache writes none")
    func cache() throws {
        let lines = ["I feel so stressed about my exams", "my mum is ill", "I want to kill myself"]
        let cache = Repository.temporaryFolder()
        let compiled = try ChatBinary.run(["--region", "US"], lines: lines, environment: ["XDG_CACHE_HOME": cache])
        let file = cache + "/between/library.bin"
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        let written = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        let readBack = try ChatBinary.run(["--region", "US"], lines: lines, environment: ["XDG_CACHE_HOME": cache])
        #expect(readBack.stdout == compiled.stdout)
        #expect(readBack.stdout.contains("988"))
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == written)
        let none = Repository.temporaryFolder()
        let fresh = try ChatBinary.run(["--region", "US", "--no-cache"], lines: lines, environment: ["XDG_CACHE_HOME": none])
        #expect(fresh.stdout == compiled.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: none).isEmpty)
    }

    @Test("a broken user flow gives one path:line:col warning and the program still starts")
    func brokenUserFlow() throws {
        let folder = Repository.temporaryFolder()
        try "id: broken\ntitle: Broken\ntriggers: [\"(unclosed\"]\nstart: a\nsteps:\n  a:\n    say: hi\n    next: nowhere\n"
            .write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
        try "id: [oops\n".write(toFile: folder + "/syntax.yaml", atomically: true, encoding: .utf8)
        let outcome = try ChatBinary.run(["--user-flows", folder, "--region", "US"], lines: ["I want to kill myself"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("988"))
        #expect(outcome.stderr.contains(folder + "/syntax.yaml:2:1: warning: YAML syntax"))
        #expect(outcome.stderr.contains(folder + "/broken.yaml:8:11: warning: step 'a' names unknown step 'nowhere'; this file is skipped"))
        #expect(outcome.stderr.components(separatedBy: "broken.yaml").count == 2, "one warning per broken file")
    }

    @Test("chat lint: shipped flows are clean; a broken file gives path:line:col and exit 1")
    func lint() throws {
        let clean = try ChatBinary.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("0 errors"))
        let folder = Repository.temporaryFolder()
        try "id: x\ntitle: X\ntriggers: []\nstart: a\nsteps:\n  a:\n    say: hi\n    nxet: b\n"
            .write(toFile: folder + "/x.yaml", atomically: true, encoding: .utf8)
        let broken = try ChatBinary.run(["lint", folder + "/x.yaml"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains(folder + "/x.yaml:8:5: error: unknown key 'nxet' in step 'a' [F004]"))
        #expect(broken.stdout.contains("did you mean 'next'?"))
    }

    @Test("chat test runs the shipped transcripts and prints N passed, N failed")
    func transcripts() throws {
        let outcome = try ChatBinary.run(["test"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.range(of: #"\n\d+ passed, 0 failed\n$"#, options: .regularExpression) != nil)
    }

    @Test("chat test fails a wrong transcript with a diff, and --update rewrites it")
    func transcriptUpdate() throws {
        let file = Repository.temporaryFolder() + "/t.transcript"
        try "=== wrong\n> purple elephants negotiate\nsomething else\n? flow none\n".write(toFile: file, atomically: true, encoding: .utf8)
        let failing = try ChatBinary.run(["test", file])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("- something else"))
        #expect(failing.stdout.contains("+ I'm not sure I understood that."))
        #expect(failing.stdout.hasSuffix("0 passed, 1 failed\n"))
        _ = try ChatBinary.run(["test", "--update", file])
        let fixed = try ChatBinary.run(["test", file])
        #expect(fixed.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("? flow none"))
    }

    @Test("chat match prints the flow first, and --explain shows the safety reasoning")
    func match() throws {
        let outcome = try ChatBinary.run(["match"], lines: ["breathing exercise", "purple elephants"])
        #expect(outcome.lines.map { $0.split(separator: "\t").first.map(String.init) ?? "" } == ["breathing", "none"])
        let explain = try ChatBinary.run(["match", "--explain", "this deadline is killing me"])
        #expect(explain.stdout.contains("safety: none"))
        #expect(explain.stdout.contains("figure of speech set aside"))
        let crisis = try ChatBinary.run(["match", "--explain", "I'm not going to hurt myself"])
        #expect(crisis.stdout.contains("(negated or in the past)"))
        let held = try ChatBinary.run(["match", "--explain", "suicidal"])
        #expect(held.stdout.contains("safety: crisis"))
        #expect(held.stdout.contains("held this at concern for the net") && held.stdout.contains("a line this short is a crisis"))
    }

    @Test("chat graph draws dot and mermaid with the safety screen marked")
    func graph() throws {
        let dot = try ChatBinary.run(["graph", "reframe"])
        #expect(dot.stdout.hasPrefix("digraph \"reframe\""))
        #expect(dot.stdout.contains("-> safety [style=dashed"))
        let mermaid = try ChatBinary.run(["graph", "two-good-things", "--format", "mermaid"])
        #expect(mermaid.stdout.hasPrefix("flowchart TD"))
        #expect(try ChatBinary.run(["graph", "nope"]).status == 64)
    }

    @Test("--help works for every subcommand", arguments: [[], ["talk"], ["test"], ["lint"], ["match"], ["graph"]])
    func help(arguments: [String]) throws {
        let outcome = try ChatBinary.run(arguments + ["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("USAGE:"))
    }

    /// Runs `script` in bash with chat as `$CHAT`, giving its exit status and standard error.
    func shell(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["PATH": "/usr/bin:/bin", "CHAT": ChatBinary.path, "NO_COLOR": "1",
                               "XDG_CACHE_HOME": Repository.temporaryFolder(), "XDG_CONFIG_HOME": Repository.temporaryFolder()]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var output = Data(), errors = Data()
        DispatchQueue.global().async(group: group) { output = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    static let fixtures = Repository.root + "/Tests/Fixtures/"

    @Test("a failure to write standard output is an error: lint errors and failed tests are never hidden behind 0")
    func fullDisk() throws {
        let lint = try shell("\"$CHAT\" lint '\(Self.fixtures)hostile-flows/empty-branch' >/dev/full")
        #expect(lint.status == 74)
        #expect(lint.stderr == "chat: can't write to standard output: No space left on device\n")
        let test = try shell("\"$CHAT\" test '\(Self.fixtures)hostile-transcripts/fails.transcript' >/dev/full")
        #expect(test.status == 74)
        #expect(try shell("\"$CHAT\" --help >/dev/null").status == 0)
    }

    @Test("chat test | head -1 ends quietly with status 0, like the other subcommands")
    func testIntoHead() throws {
        let outcome = try shell("\"$CHAT\" test | head -1 >/dev/null; echo \"${PIPESTATUS[0]}\"")
        #expect(outcome.stdout == "0\n")
        #expect(outcome.stderr.isEmpty)
        #expect(try shell("\"$CHAT\" lint | head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\"").stdout == "0\n")
    }

    @Test("chat test reads a transcript with CRLF line endings")
    func crlfTranscript() throws {
        let outcome = try ChatBinary.run(["test", Self.fixtures + "hostile-transcripts/crlf.transcript"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("chat graph escapes step ids, so quotes and backslashes in them still give valid dot")
    func graphEscapes() throws {
        let dot = try ChatBinary.run(["graph", "g", "--user-flows", Self.fixtures + "hostile-flows/graph-ids"])
        #expect(dot.stdout.contains(#"  "a\"b" -> "c\\";"#))
        #expect(dot.stdout.contains(#"  "c\\" [label="c\\\ny"];"#))
        let mermaid = try ChatBinary.run(["graph", "g", "--format", "mermaid", "--user-flows", Self.fixtures + "hostile-flows/graph-ids"])
        #expect(mermaid.stdout.contains("  s0[\"a'b\"]\n"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let file = Repository.temporaryFolder() + "/g.dot"
            try dot.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try shell("dot -Tsvg '\(file)' >/dev/null").status == 0)
        }
    }

    @Test("a flows folder that can't be listed gives a warning when talking and an error in lint")
    func unreadableFolder() throws {
        let notAFolder = Repository.temporaryFolder() + "/flows"
        try "x".write(toFile: notAFolder, atomically: true, encoding: .utf8)
        let talk = try ChatBinary.run(["--user-flows", notAFolder], lines: ["hello"])
        #expect(talk.status == 0)
        #expect(talk.stderr.hasPrefix(notAFolder + ":1:1: warning: can't read the flows folder: Not a directory"))
        let lint = try ChatBinary.run(["lint", "--flows", notAFolder])
        #expect(lint.status == 1)
        #expect(lint.stdout.hasSuffix("0 files checked: 1 error, 0 warnings\n"))
    }

    @Test("a folder without read permission is reported by lint", .enabled(if: getuid() != 0, "root can read any folder"))
    func lintUnreadableFolder() throws {
        let folder = Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.scripts + "/flows/walk.yaml", toPath: folder + "/walk.yaml")
        chmod(folder, 0)
        defer { chmod(folder, 0o700) }
        let lint = try ChatBinary.run(["lint", folder])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("can't read the flows folder: Permission denied"))
    }
}

/// A multi-line paste in a terminal is one answer.
@Suite("Paste")
struct PasteTests {
    @Test("lines waiting together join the first, in order, and nothing waits after them")
    func joins() {
        var waiting = ["second line", "third line"]
        let joined = Paste.gather("first line", pending: { !waiting.isEmpty }) { waiting.removeFirst() }
        #expect(joined == "first line\nsecond line\nthird line")
        #expect(Paste.gather("alone", pending: { false }) { "never read" } == "alone")
    }

    @Test("a pasted answer is kept whole, with its line breaks, as one answer")
    func oneAnswer() {
        let session = Session(library: FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts)), region: "US")
        _ = session.respond(to: "I want to journal")
        let reply = session.respond(to: "today was long\nbut I got through it\nand I called my sister")
        #expect(session.stored.last == "today was long\nbut I got through it\nand I called my sister")
        #expect(reply.step != "write")
    }
}
