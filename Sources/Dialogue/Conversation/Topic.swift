import Intents

/// Something a person may say outside an exercise, and how to answer it.
///
/// Topics are written in `Scripts/conversation/`: small talk ("hi", "thanks"), questions about the
/// program ("are you a real person"), feelings ("I'm exhausted") and other moments. Each has the
/// patterns that spot it, what to say, and for feelings the exercises that fit, with the reason.
public struct Topic: Sendable {
    /// When a topic is checked, and what it may do.
    public enum Kind: String, Sendable, CaseIterable, ArchivableByRawValue {
        /// Greetings, thanks, sorry, "never mind": answered before any trigger.
        case smalltalk
        /// Questions about the program itself: answered before any trigger, always honestly.
        case meta
        /// A feeling or a hard moment: reflected, then fitting exercises are offered.
        case feeling
        /// Anything else worth a reply of its own, checked after the triggers.
        case topic
    }

    public var id: String
    public var kind: Kind
    public var patterns: [Located<String>]
    /// Variants of the reply; one is picked, never the same twice in a row.
    public var say: [String]
    /// Variants that reflect the person's words back, with `{{echo}}`; used when a safe echo exists.
    public var reflect: [String]
    /// Flow ids offered after the reply, best fit first.
    public var offer: [String]
    /// Why these exercises fit, for the clinicians who review the file.
    public var why: String?
    /// A catch-all ("I feel ..."), used only when no other topic of its kind fits.
    public var broad: Bool
    public var position: SourcePosition

    public init(id: String, kind: Kind, patterns: [Located<String>], say: [String], reflect: [String] = [], offer: [String] = [],
                why: String? = nil, broad: Bool = false, position: SourcePosition)
    {
        self.id = id
        self.kind = kind
        self.patterns = patterns
        self.say = say
        self.reflect = reflect
        self.offer = offer
        self.why = why
        self.broad = broad
        self.position = position
    }
}

extension Topic: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(kind)
        archive.write(patterns)
        archive.write(say)
        archive.write(reflect)
        archive.write(offer)
        archive.write(why)
        archive.write(broad)
        archive.write(position)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try archive.read(), kind: try archive.read(), patterns: try archive.read(), say: try archive.read(),
                  reflect: try archive.read(), offer: try archive.read(), why: try archive.read(), broad: try archive.read(),
                  position: try archive.read())
    }
}
