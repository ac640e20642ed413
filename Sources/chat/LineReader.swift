import Foundation

/// Reads lines from a non-terminal standard input, whatever bytes arrive.
///
/// Invalid UTF-8 becomes U+FFFD, a carriage return before the newline is dropped, and a line
/// longer than ``maximumBytes`` is cut there (the rest of it is read and discarded).
struct LineReader {
    static let maximumBytes = 100_000
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    /// The next line, or nil at the end of input.
    mutating func next() -> String? {
        var line: [UInt8] = []
        var overflow = false
        while true {
            if start < buffer.count {
                if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    append(buffer[start..<newline], to: &line, overflow: &overflow)
                    start = newline + 1
                    return decode(line)
                }
                append(buffer[start...], to: &line, overflow: &overflow)
                start = buffer.count
            }
            if finished { return line.isEmpty && !overflow ? nil : decode(line) }
            fill()
        }
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], overflow: inout Bool) {
        let room = Self.maximumBytes - line.count
        if bytes.count > room { overflow = true }
        line += bytes.prefix(max(0, room))
    }

    private mutating func fill() {
        buffer = [UInt8](repeating: 0, count: 65_536)
        start = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                finished = true
                buffer = []
            } else {
                buffer.removeSubrange(count...)
            }
            return
        }
    }

    private func decode(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
