import Foundation
import Testing

/// The terminal as a person meets it, through a pseudo-terminal: keys, history, resizing, Ctrl-C.
@Suite("chat in a terminal", .serialized, .enabled(if: ChatTerminal.available, "needs util-linux script"))
struct TerminalTests {
    static let escape = "\u{1B}"

    @Test("Home, End and Ctrl-Left as tmux sends them move the cursor instead of typing ~ or ;5D")
    func editingKeys() throws {
        let terminal = try ChatTerminal(["--region", "US"])
        #expect(terminal.waitFor("What's on your mind?"))
        terminal.type("elp\(Self.escape)[1~h\r")  // Home
        #expect(terminal.waitFor("Here's what we can do together:"))
        terminal.type("nu\(Self.escape)[1;5Dme\r")  // Ctrl-Left
        #expect(terminal.waitFor("Here's what we can do together:", count: 2))
        terminal.type("tho\(Self.escape)[1~\(Self.escape)[4~se\r")  // Home, then End
        #expect(terminal.waitFor("I'm not sure I understood"))
        terminal.type("\u{4}")
        #expect(terminal.finish() == 0)
        #expect(terminal.history == ["help", "menu", "those"])
        #expect(terminal.historyModes == [0o700, 0o600], "the history's folder and file are private")
    }

    @Test("a line the screen raised to a concern or higher never goes into history; --no-history keeps none")
    func historyWithoutCrisisLines() throws {
        let terminal = try ChatTerminal(["--region", "US"])
        #expect(terminal.waitFor("What's on your mind?"))
        terminal.type("I want to kill myself\r")
        #expect(terminal.waitFor("988"))
        terminal.type("stop\r")
        #expect(terminal.waitFor("close, and call"), "stop right after a crisis reply keeps the lines close")
        terminal.type("quit\r")
        #expect(terminal.finish() == 0)
        #expect(terminal.history == ["stop", "quit"])
        let private_ = try ChatTerminal(["--region", "US", "--no-history"])
        #expect(private_.waitFor("What's on your mind?"))
        private_.type("menu\r")
        #expect(private_.waitFor("Here's what we can do together:"))
        private_.type("quit\r")
        #expect(private_.finish() == 0)
        #expect(!FileManager.default.fileExists(atPath: private_.state + "/between/history"))
    }

    @Test("Tab completes a command only at the start of the line, never in a sentence")
    func tabAtStartOnly() throws {
        let terminal = try ChatTerminal(["--region", "US"])
        #expect(terminal.waitFor("What's on your mind?"))
        terminal.type("my cat likes he\t\r")
        #expect(terminal.waitFor("I'm not sure I understood"))
        terminal.type("me\t\r")
        #expect(terminal.waitFor("Here's what we can do together:"))
        terminal.type("\u{4}")
        #expect(terminal.finish() == 0)
        #expect(terminal.history == ["my cat likes he", "menu "])
    }

    @Test("Ctrl-C pressed again and again shows once how to leave")
    func interruptHint() throws {
        let terminal = try ChatTerminal(["--region", "US"])
        #expect(terminal.waitFor("What's on your mind?"))
        #expect(terminal.waitFor("> "))
        // A Ctrl-C that lands between two reads is lost, as in any terminal program, so keep pressing.
        var presses = 0
        while presses < 20, !terminal.screen.contains("To leave, type quit") {
            terminal.type("\u{3}")
            presses += 1
            usleep(200_000)
        }
        #expect(terminal.waitFor("Ctrl-C clears the line. To leave, type quit or press Ctrl-D."))
        for _ in 0..<3 {
            terminal.type("\u{3}")
            usleep(200_000)
        }
        terminal.type("help\r")
        #expect(terminal.waitFor("Here's what we can do together:"))
        terminal.type("\u{4}")
        #expect(terminal.finish() == 0)
        #expect(terminal.screen.components(separatedBy: "To leave, type quit").count == 2)
    }

    @Test("after a resize, replies wrap at the new width")
    func resize() throws {
        let terminal = try ChatTerminal(["--region", "US"], columns: 200)
        #expect(terminal.waitFor("What's on your mind?"))
        terminal.type("help\r")
        #expect(terminal.waitFor("Here's what we can do together:"))
        let wide = terminal.screen.count
        try terminal.resize(columns: 40)
        terminal.type("help\r")
        #expect(terminal.waitFor("Here's what we can do together:", count: 2))
        #expect(terminal.waitFor("crisis to see who you can call", count: 2) || terminal.waitFor("crisis to see", count: 2))
        terminal.type("\u{4}")
        #expect(terminal.finish() == 0)
        let after = String(terminal.screen.dropFirst(wide))
        let replyLines = after.components(separatedBy: "\r\n").filter { !$0.hasPrefix(">") && !$0.isEmpty }
        #expect(!replyLines.isEmpty)
        #expect(replyLines.allSatisfy { $0.count <= 39 }, "\(replyLines.filter { $0.count > 39 })")
    }
}
