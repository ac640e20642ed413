import Foundation

/// Lines that arrive together in a terminal, as when several lines are pasted at once, read as one answer.
///
/// A person types one line at a time; a paste delivers many within a few milliseconds. So after each
/// line, any further lines already waiting on standard input join it, and the whole paste answers one
/// question instead of several. Through a pipe every line stays its own turn.
enum Paste {
    /// Most lines joined into one answer.
    static let lineLimit = 200

    /// Whether more input is waiting on standard input, or arrives within `milliseconds`.
    static func pending(within milliseconds: Int32 = 15) -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// `first`, then every line `next` gives while `pending` says more is waiting, joined by newlines.
    static func gather(_ first: String, pending: () -> Bool, next: () -> String?) -> String {
        var lines = [first]
        while lines.count < lineLimit, pending(), let line = next() { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
