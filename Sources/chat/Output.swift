import Foundation

/// Writes to standard output and error.
///
/// When the reader of standard output has gone (`chat test | head -1`), the program ends quietly
/// with status 0. Any other failure to write it (a full disk, `>/dev/full`) is an error: it is
/// said on standard error and the program exits with ``writeFailure``, so lint errors and failed
/// tests are never hidden behind a 0. A failure to write standard error is ignored: there is
/// nowhere left to say it.
enum Output {
    /// The exit status when standard output can't be written (EX_IOERR).
    static let writeFailure: Int32 = 74

    /// Writes `text` to standard output.
    static func write(_ text: String) {
        if let failure = write(text, to: 1) {
            if failure == EPIPE { exit(0) }
            _ = write("chat: can't write to standard output: \(String(cString: strerror(failure)))\n", to: 2)
            exit(writeFailure)
        }
    }

    /// Writes `text` to standard error.
    static func error(_ text: String) { _ = write(text, to: 2) }

    /// Writes all of `text`, or gives the errno that stopped it.
    private static func write(_ text: String, to fd: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
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
