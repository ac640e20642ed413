/// Text from a data file made safe to show in a terminal.
///
/// Control characters (C0 but the newline, DEL, C1) and the bidirectional embedding, override and
/// isolate marks could move the cursor, clear the screen, retitle the window or hide words. A flow
/// may hold them only by accident or by malice, so they are removed when the flow is read, and the
/// linter warns about each one (`F033`).
public enum FlowText {
    /// Whether `scalar` is removed from flow text.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every unsafe character removed (a tab becomes a space), and the ones removed.
    public static func neutralized(_ text: String) -> (text: String, removed: [Unicode.Scalar]) {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return (text, []) }
        var out = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                out.append(" ")
            } else if isUnsafe(scalar) {
                removed.append(scalar)
            } else {
                out.append(scalar)
            }
        }
        return (String(out), removed)
    }

    /// `text` with each unsafe character written as `U+XXXX`, for messages that quote it.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += name(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `U+001B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
