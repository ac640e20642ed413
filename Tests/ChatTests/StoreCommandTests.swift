import Foundation
import TestSupport
import Testing

@Suite("chat journal, plan, mood, export, forget")
struct StoreCommandTests {
    /// A data folder with a little of everything, written through a pipe.
    static func folder() throws -> String {
        let folder = Repository.temporaryFolder() + "/data"
        _ = try ChatBinary.run(["--data-dir", folder, "--region", "GB"], lines: [
            "mood check-in", "4", "no",
            "note something for my therapist", "sleeping badly", "no",
            "safety plan", "not sleeping", "music", "the park", "Sam", "no", "go where people are",
            "journal", "a *quiet* evening", "no",
            "I want to kill myself", "no", "no", "no",
        ])
        return folder
    }

    @Test("export writes Markdown with the topics, the plan and the mood, and the hard moments only when asked")
    func export() throws {
        let folder = try Self.folder()
        let markdown = try ChatBinary.run(["export", "--data-dir", folder, "--region", "GB"]).stdout
        #expect(markdown.hasPrefix("# Notes to bring to my therapist\n"))
        #expect(markdown.contains("## Things I'd like to talk about\n\n- sleeping badly"))
        #expect(markdown.contains("1. **Warning signs that a crisis may be coming**  \n   not sleeping"))
        #expect(markdown.contains("Samaritans"))
        #expect(markdown.contains("a \\*quiet\\* evening"), "the person's text is escaped, not read as Markdown")
        #expect(!markdown.contains("Hard moments"))
        #expect(!markdown.contains("kill"))
        let crisis = try ChatBinary.run(["export", "--data-dir", folder, "--sections", "crisis"]).stdout
        #expect(crisis.contains("## Hard moments"))
        #expect(crisis.contains("(crisis)"))
        #expect(!crisis.contains("kill"))
    }

    @Test("export as JSON has one key per section asked for")
    func json() throws {
        let folder = try Self.folder()
        let text = try ChatBinary.run(["export", "--data-dir", folder, "--format", "json", "--sections", "topics,mood"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["generated", "since", "topics", "mood", "mood_by_exercise"])
        #expect((object["topics"] as? [[String: Any]])?.first?["text"] as? String == "sleeping badly")
    }

    @Test("an unknown section or date says what is allowed")
    func badOptions() throws {
        let section = try ChatBinary.run(["export", "--sections", "secrets"])
        #expect(section.status == 64)
        #expect(section.stderr.contains("unknown section 'secrets'"))
        let date = try ChatBinary.run(["journal", "--since", "last tuesday"])
        #expect(date.status == 64)
        #expect(date.stderr.contains("YYYY-MM-DD"))
    }

    @Test("plan prints the six steps with the region's crisis lines")
    func plan() throws {
        let folder = try Self.folder()
        let plan = try ChatBinary.run(["plan", "--data-dir", folder, "--region", "GB"]).stdout
        #expect(plan.hasPrefix("My safety plan\n\n1. Warning signs that a crisis may be coming\n   not sleeping\n"))
        #expect(plan.contains("   - Samaritans"))
        #expect(plan.hasSuffix("If you are in danger, call 999.\n"))
        let none = try ChatBinary.run(["plan", "--data-dir", Repository.temporaryFolder() + "/empty"])
        #expect(none.stdout.hasPrefix("You don't have a safety plan yet."))
        #expect(!FileManager.default.fileExists(atPath: Repository.temporaryFolder() + "/empty"), "reading creates nothing")
    }

    @Test("mood draws blocks, and plain bars under NO_COLOR")
    func mood() throws {
        let folder = try Self.folder()
        let plain = try ChatBinary.run(["mood", "--data-dir", folder]).stdout
        #expect(plain.contains("####......  4"))
        let blocks = try ChatBinary.run(["mood", "--data-dir", folder], environment: ["NO_COLOR": "", "TERM": "xterm"]).stdout
        #expect(blocks.contains("████░░░░░░  4"))
    }

    @Test("journal lists entries, filtered by kind and words")
    func journal() throws {
        let folder = try Self.folder()
        #expect(try ChatBinary.run(["journal", "--data-dir", folder]).stdout.contains("a *quiet* evening"))
        #expect(try ChatBinary.run(["journal", "--data-dir", folder, "--search", "nothing like this"]).stdout
            == "Your journal has no entries yet that match.\n")
    }

    @Test("forget deletes everything only after the word forget is typed")
    func forget() throws {
        let folder = try Self.folder()
        let kept = try ChatBinary.run(["forget", "--data-dir", folder], lines: ["no"])
        #expect(kept.stdout.hasSuffix("Nothing was deleted.\n"))
        #expect(try ChatBinary.run(["journal", "--data-dir", folder]).stdout.contains("quiet"))
        let gone = try ChatBinary.run(["forget", "--data-dir", folder], lines: ["forget"])
        #expect(gone.stdout.contains("has been deleted"))
        #expect(try ChatBinary.run(["journal", "--data-dir", folder]).stdout == "Your journal has no entries yet.\n")
        #expect(try ChatBinary.run(["plan", "--data-dir", folder]).stdout.hasPrefix("You don't have a safety plan yet."))
    }

    @Test("every new subcommand has --help")
    func help() throws {
        for command in ["journal", "plan", "mood", "export", "forget"] {
            let outcome = try ChatBinary.run([command, "--help"])
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains("USAGE: chat \(command)"))
        }
    }
}

@Suite("chat forget and the line history")
struct ForgetHistoryTests {
    @Test("without --data-dir, forget also deletes the line history")
    func history() throws {
        let data = Repository.temporaryFolder(), state = Repository.temporaryFolder()
        _ = try ChatBinary.run(["--save"], lines: ["journal", "private words", "no"], environment: ["XDG_DATA_HOME": data])
        try FileManager.default.createDirectory(atPath: state + "/between", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: state + "/between/history", contents: Data("_HiStOrY_V2_\nprivate words\n".utf8))
        let environment = ["XDG_DATA_HOME": data, "XDG_STATE_HOME": state]
        let outcome = try ChatBinary.run(["forget"], lines: ["forget"], environment: environment)
        #expect(outcome.status == 0)
        #expect(!FileManager.default.fileExists(atPath: state + "/between/history"))
        #expect(try ChatBinary.run(["journal"], environment: environment).stdout == "Your journal has no entries yet.\n")
    }
}
