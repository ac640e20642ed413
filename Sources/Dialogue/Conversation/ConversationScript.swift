import Intents
import Yams

/// The conversation layer's data: topics, how each exercise is offered, and the words routing uses.
///
/// It is read from every `*.yaml` file in `Scripts/conversation/`. Each file may hold any of the
/// keys below; they are merged in file order. Every word the person sees lives in these files.
public struct ConversationScript: Sendable {
    /// Small talk, questions about the program, feelings and other moments, in file order.
    public var topics: [Topic] = []
    /// Extra concepts for topic patterns, by name.
    public var concepts: [String: [String]] = [:]
    /// Flow id -> the line that offers it when a line only sounds like it.
    public var offers: [String: String] = [:]
    /// Flow id -> names a person may use for it inside a sentence ("breathing", "a thought record").
    public var names: [String: [String]] = [:]
    /// Shared lines by name (`offer-intro`, `declined`, `not-understood`, ...), each with variants.
    public var lines: [String: [String]] = [:]
    /// Patterns that make a line a request ("help me ...", "can we ..."): a request may start an exercise.
    public var requests: [String] = []
    /// Words that introduce an exercise named inside a sentence ("try", "suggested").
    public var mentions: [String] = []
    /// Words that turn a mention down ("not", "never").
    public var negators: [String] = []
    /// Words the second tier never counts.
    public var ignored: [String] = []
    /// Least second-tier score for an offer.
    public var offerScore: Double = 3
    /// How far the best second-tier score must be ahead of the next flow's.
    public var offerMargin: Double = 1
    /// Pronoun swaps for reflecting words back, longest first: "i am" -> "you are".
    public var swaps: [String: String] = [:]
    /// Longest echo, in words; a longer feeling is answered without one.
    public var echoWords = 8
    /// Patterns of answers that say nothing ("idk", "nothing went well"): never stored.
    public var nonAnswers: [String] = []
    /// Patterns that skip a question without answering it ("next").
    public var skips: [String] = []
    /// "flow/step" ids whose answers voice hard words on purpose, kept after a gentle check answered no.
    public var voiced: [String] = []

    public init() {}

    /// The variants of a shared line, or none when the files don't define it.
    public func line(_ name: String) -> [String] { lines[name] ?? [] }

    static let keys = ["concepts", "topics", "flows", "lines", "requests", "mentions", "negators", "ignored", "offer_score",
                       "offer_margin", "swaps", "echo_words", "non_answers", "skips", "voiced"]
    static let topicKeys = ["kind", "patterns", "say", "reflect", "offer", "why", "broad"]

    /// Reads every conversation file in `folder`; a broken file is reported and skipped.
    public static func load(folder: String) -> (ConversationScript, [Diagnostic]) {
        var script = ConversationScript()
        var diagnostics: [Diagnostic] = []
        for path in LibraryLoader.yamlFiles(in: folder) {
            do throws(Diagnostic) {
                let doc = try YAMLDocument(contentsOf: path)
                var copy = script
                try copy.read(doc)
                script = copy
            } catch { diagnostics.append(LibraryLoader.warning(error, "this file is skipped")) }
        }
        return (script, diagnostics)
    }

    /// Reads conversation data from YAML text, reporting positions against `path` (for tests).
    public static func load(text: String, path: String) throws(Diagnostic) -> ConversationScript {
        var script = ConversationScript()
        try script.read(YAMLDocument(path: path, text: text))
        return script
    }

    private mutating func read(_ doc: YAMLDocument) throws(Diagnostic) {
        let top = try doc.mapping(doc.root, what: "a conversation file")
        try doc.checkKeys(top, allowed: Self.keys, in: "a conversation file")
        for pair in top {
            let node = pair.value
            switch pair.key {
            case "concepts":
                for concept in try doc.mapping(node, what: "concepts") {
                    concepts[concept.key.lowercased(), default: []] += try doc.strings(concept.value, what: "concept '\(concept.key)'").map(\.0)
                }
            case "topics":
                for entry in try doc.mapping(node, what: "topics") { topics.append(try topic(doc, entry.key, entry.keyNode, entry.value)) }
            case "flows":
                for entry in try doc.mapping(node, what: "flows") {
                    let fields = try doc.mapping(entry.value, what: "flow '\(entry.key)'")
                    try doc.checkKeys(fields, allowed: ["offer", "names"], in: "flow '\(entry.key)'")
                    for field in fields {
                        if field.key == "offer" { offers[entry.key] = try doc.string(field.value, what: "offer") }
                        if field.key == "names" { names[entry.key] = try doc.strings(field.value, what: "names").map(\.0) }
                    }
                }
            case "lines":
                for entry in try doc.mapping(node, what: "lines") { lines[entry.key] = try doc.strings(entry.value, what: entry.key).map(\.0) }
            case "requests": requests += try doc.strings(node, what: "requests").map(\.0)
            case "mentions": mentions += try doc.strings(node, what: "mentions").map(\.0)
            case "negators": negators += try doc.strings(node, what: "negators").map(\.0)
            case "ignored": ignored += try doc.strings(node, what: "ignored").map(\.0)
            case "non_answers": nonAnswers += try doc.strings(node, what: "non_answers").map(\.0)
            case "skips": skips += try doc.strings(node, what: "skips").map(\.0)
            case "voiced": voiced += try doc.strings(node, what: "voiced").map(\.0)
            case "offer_score": offerScore = try number(doc, node, "offer_score")
            case "offer_margin": offerMargin = try number(doc, node, "offer_margin")
            case "echo_words": echoWords = Int(try number(doc, node, "echo_words"))
            case "swaps":
                for entry in try doc.mapping(node, what: "swaps") { swaps[entry.key] = try doc.string(entry.value, what: entry.key) }
            default: break
            }
        }
    }

    private func number(_ doc: YAMLDocument, _ node: Node, _ what: String) throws(Diagnostic) -> Double {
        guard let value = Double(try doc.string(node, what: what)) else {
            throw doc.error(node, "V001", "\(what) must be a number", hint: "for example `\(what): 3`")
        }
        return value
    }

    private func topic(_ doc: YAMLDocument, _ id: String, _ keyNode: Node, _ node: Node) throws(Diagnostic) -> Topic {
        let fields = try doc.mapping(node, what: "topic '\(id)'")
        try doc.checkKeys(fields, allowed: Self.topicKeys, in: "topic '\(id)'")
        func value(_ key: String) -> Node? { fields.first { $0.key == key }?.value }
        guard let kindNode = value("kind") else {
            throw doc.error(keyNode, "V002", "topic '\(id)' needs a kind",
                            hint: "add `kind:` with one of \(Topic.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let kindName = try doc.string(kindNode, what: "kind")
        guard let kind = Topic.Kind(rawValue: kindName) else {
            throw doc.error(kindNode, "V002", "'\(kindName)' is not a kind of topic",
                            hint: "use one of \(Topic.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let patterns = value("patterns"), let say = value("say") else {
            throw doc.error(keyNode, "V003", "topic '\(id)' needs 'patterns' and 'say'", hint: "add the lines it answers and what to say")
        }
        return Topic(id: id, kind: kind,
                     patterns: try doc.strings(patterns, what: "patterns").map { Located($0.0, at: doc.position(of: $0.1)) },
                     say: try doc.strings(say, what: "say").map(\.0),
                     reflect: try value("reflect").map { node throws(Diagnostic) in try doc.strings(node, what: "reflect").map(\.0) } ?? [],
                     offer: try value("offer").map { node throws(Diagnostic) in try doc.strings(node, what: "offer").map(\.0) } ?? [],
                     why: try value("why").map { node throws(Diagnostic) in try doc.string(node, what: "why") },
                     broad: try value("broad").map { node throws(Diagnostic) in try doc.bool(node, what: "broad") } ?? false,
                     position: doc.position(of: keyNode))
    }
}

extension ConversationScript: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(topics)
        archive.write(concepts)
        archive.write(offers)
        archive.write(names)
        archive.write(lines)
        archive.write(requests)
        archive.write(mentions)
        archive.write(negators)
        archive.write(ignored)
        archive.write(offerScore)
        archive.write(offerMargin)
        archive.write(swaps)
        archive.write(echoWords)
        archive.write(nonAnswers)
        archive.write(skips)
        archive.write(voiced)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        topics = try archive.read()
        concepts = try archive.read()
        offers = try archive.read()
        names = try archive.read()
        lines = try archive.read()
        requests = try archive.read()
        mentions = try archive.read()
        negators = try archive.read()
        ignored = try archive.read()
        offerScore = try archive.read()
        offerMargin = try archive.read()
        swaps = try archive.read()
        echoWords = try archive.read()
        nonAnswers = try archive.read()
        skips = try archive.read()
        voiced = try archive.read()
    }
}
