import Foundation

/// Writes to standard output and error; a closed pipe ends the program quietly.
enum Output {
    /// Writes `text` to standard output.
    static func write(_ text: String) { write(text, to: 1) }

    /// Writes `text` to standard error.
    static func error(_ text: String) { write(text, to: 2) }

    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                exit(0)  // EPIPE or a closed descriptor: nobody is reading any more.
            }
            offset += written
        }
        bytes.removeAll()
    }
}

/// Terminal colours, used only on a terminal and never when NO_COLOR is set.
struct Style {
    let enabled: Bool

    static func forStandardOutput() -> Style {
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return Style(enabled: isatty(1) == 1 && !noColor && environment["TERM"] != "dumb")
    }

    func apply(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bot(_ text: String) -> String { apply("36", text) }
    func urgent(_ text: String) -> String { apply("1;33", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func error(_ text: String) -> String { apply("31", text) }
}
