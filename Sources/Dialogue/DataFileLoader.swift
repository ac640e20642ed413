import Intents
import Yams

/// Loads the data files beside the flows (concepts, `classify` lists and the safety lexicon)
/// into values that keep their `path:line:col`, as ``FlowLoader`` does for flows. A file that
/// can't be read throws a ``Diagnostic`` pointing at the problem.
public enum DataFileLoader {
    /// Reads `concepts.yaml`: a map from concept name to member words and phrases.
    public static func concepts(path: String) throws(Diagnostic) -> [String: Located<[String]>] {
        let doc = try YAMLDocument(contentsOf: path)
        var out: [String: Located<[String]>] = [:]
        for pair in try doc.mapping(doc.root, what: "the concepts file") {
            let members = try doc.strings(pair.value, what: "concept '\(pair.key)'").map(\.0)
            if members.isEmpty { throw doc.error(pair.keyNode, "C001", "concept '\(pair.key)' has no members") }
            out[pair.key.lowercased()] = Located(members, at: doc.position(of: pair.keyNode))
        }
        return out
    }

    /// Reads a list file for `classify`.
    public static func list(path: String) throws(Diagnostic) -> ClassifierList {
        let doc = try YAMLDocument(contentsOf: path)
        let top = try doc.mapping(doc.root, what: "a list file")
        try doc.checkKeys(top, allowed: ["id", "items"], in: "a list file")
        guard let idNode = top.first(where: { $0.key == "id" })?.value, let itemsNode = top.first(where: { $0.key == "items" })?.value
        else {
            throw Diagnostic(path: path, line: 1, column: 1, code: "L001", message: "a list needs 'id' and 'items'")
        }
        var items: [ClassifierList.Item] = []
        for node in try doc.list(itemsNode, what: "items") {
            let fields = try doc.mapping(node, what: "an item")
            try doc.checkKeys(fields, allowed: ["name", "says", "patterns"], in: "an item")
            guard let name = fields.first(where: { $0.key == "name" })?.value,
                  let says = fields.first(where: { $0.key == "says" })?.value,
                  let patterns = fields.first(where: { $0.key == "patterns" })?.value
            else {
                throw doc.error(node, "L001", "an item needs 'name', 'says' and 'patterns'")
            }
            items.append(ClassifierList.Item(
                name: try doc.string(name, what: "name"), says: try doc.string(says, what: "says"),
                patterns: try doc.strings(patterns, what: "patterns").map { Located($0.0, at: doc.position(of: $0.1)) }))
        }
        return ClassifierList(id: try doc.string(idNode, what: "id"), items: items, path: path)
    }

    /// Reads the safety lexicon file. It only ever adds to ``SafetyLexicon/builtIn``.
    public static func lexicon(path: String) throws(Diagnostic) -> SafetyLexicon {
        let doc = try YAMLDocument(contentsOf: path)
        let top = try doc.mapping(doc.root, what: "the lexicon")
        try doc.checkKeys(top, allowed: ["concepts", "spellings", "typo_targets", "negators", "figures", "signals", "classes", "frames",
                                      "combinations", "words"],
                          in: "the lexicon")
        func node(_ key: String) -> Node? { top.first { $0.key == key }?.value }
        var lexicon = SafetyLexicon()
        if let concepts = node("concepts") {
            for pair in try doc.mapping(concepts, what: "concepts") {
                lexicon.concepts[pair.key] = try doc.strings(pair.value, what: pair.key).map(\.0)
            }
        }
        if let spellings = node("spellings") {
            for pair in try doc.mapping(spellings, what: "spellings") {
                lexicon.spellings[pair.key] = try doc.string(pair.value, what: pair.key)
            }
        }
        if let targets = node("typo_targets") { lexicon.typoTargets = try doc.strings(targets, what: "typo_targets").map(\.0) }
        if let negators = node("negators") { lexicon.negators = try doc.strings(negators, what: "negators").map(\.0) }
        if let words = node("words") {
            for pair in try doc.mapping(words, what: "words") {
                lexicon.words[pair.key] = try doc.strings(pair.value, what: "words '\(pair.key)'").map(\.0)
            }
        }
        if let figures = node("figures") { lexicon.figures = try doc.strings(figures, what: "figures").map(\.0) }
        func tier(_ node: Node) throws(Diagnostic) -> SafetyTier {
            let name = try doc.string(node, what: "tier")
            guard let tier = SafetyTier(name: name) else {
                throw doc.error(node, "S002", "unknown tier '\(name)'", hint: "use none, concern, crisis or emergency")
            }
            return tier
        }
        if let signals = node("signals") {
            for item in try doc.list(signals, what: "signals") {
                let fields = try doc.mapping(item, what: "a signal")
                try doc.checkKeys(fields, allowed: ["name", "tier", "category", "firm", "about", "patterns"], in: "a signal")
                func field(_ key: String) -> Node? { fields.first { $0.key == key }?.value }
                guard let name = field("name"), let tierNode = field("tier"), let patterns = field("patterns") else {
                    throw doc.error(item, "S001", "a signal needs 'name', 'tier' and 'patterns'")
                }
                var category = SafetyCategory.oneself
                if let node = field("category") {
                    let text = try doc.string(node, what: "category")
                    guard let parsed = SafetyCategory(rawValue: text) else {
                        throw doc.error(node, "S002", "unknown category '\(text)'", hint: "use oneself, danger, others or someoneElse")
                    }
                    category = parsed
                }
                lexicon.signals.append(SafetyLexicon.Signal(
                    name: try doc.string(name, what: "name"), tier: try tier(tierNode), category: category,
                    firm: try field("firm").map { node throws(Diagnostic) in try doc.bool(node, what: "firm") } ?? false,
                    about: try field("about").map { node throws(Diagnostic) in try doc.string(node, what: "about") } ?? "",
                    patterns: try doc.strings(patterns, what: "patterns").map(\.0)))
            }
        }
        if let classes = node("classes") {
            for pair in try doc.mapping(classes, what: "classes") {
                let phrases = try doc.strings(pair.value, what: "class '\(pair.key)'").map(\.0)
                if phrases.isEmpty { throw doc.error(pair.keyNode, "S007", "class '\(pair.key)' has no phrases") }
                lexicon.classes[pair.key] = phrases
            }
        }
        if let frames = node("frames") {
            let known = Set(lexicon.classes.keys).union(SafetyLexicon.builtIn.classes.keys)
            for item in try doc.list(frames, what: "frames") {
                let fields = try doc.mapping(item, what: "a frame")
                try doc.checkKeys(fields, allowed: ["name", "slots", "tier", "category", "firm", "about"], in: "a frame")
                func field(_ key: String) -> Node? { fields.first { $0.key == key }?.value }
                guard let name = field("name"), let slotsNode = field("slots"), let tierNode = field("tier") else {
                    throw doc.error(item, "S001", "a frame needs 'name', 'slots' and 'tier'")
                }
                let slots = try doc.strings(slotsNode, what: "slots")
                for (slot, node) in slots {
                    var bare = Substring(slot)
                    if bare.hasPrefix("!") { bare = bare.dropFirst() }
                    if let at = bare.firstIndex(of: "@") {
                        guard Int(bare[bare.index(after: at)...]).map({ $0 >= 0 }) ?? false else {
                            throw doc.error(node, "S008", "slot '\(slot)' has a bad gap", hint: "write class@N with N a whole number, as in act@1")
                        }
                        bare = bare[..<at]
                    }
                    guard known.contains(String(bare)) else {
                        throw doc.error(node, "S008", "slot '\(slot)' names unknown class '\(bare)'",
                                        hint: "define the class under `classes:` first")
                    }
                }
                if slots.first?.0.hasPrefix("!") ?? true {
                    throw doc.error(slotsNode, "S008", "a frame must start with a class, not a `!` slot or nothing")
                }
                var category = SafetyCategory.oneself
                if let node = field("category") {
                    let text = try doc.string(node, what: "category")
                    guard let parsed = SafetyCategory(rawValue: text) else {
                        throw doc.error(node, "S002", "unknown category '\(text)'", hint: "use oneself, danger, others or someoneElse")
                    }
                    category = parsed
                }
                lexicon.frames.append(SafetyLexicon.Frame(
                    name: try doc.string(name, what: "name"), slots: slots.map(\.0), tier: try tier(tierNode), category: category,
                    firm: try field("firm").map { node throws(Diagnostic) in try doc.bool(node, what: "firm") } ?? false,
                    about: try field("about").map { node throws(Diagnostic) in try doc.string(node, what: "about") } ?? ""))
            }
        }
        if let combinations = node("combinations") {
            for item in try doc.list(combinations, what: "combinations") {
                let fields = try doc.mapping(item, what: "a combination")
                try doc.checkKeys(fields, allowed: ["all", "tier", "about"], in: "a combination")
                guard let all = fields.first(where: { $0.key == "all" })?.value,
                      let tierNode = fields.first(where: { $0.key == "tier" })?.value
                else {
                    throw doc.error(item, "S001", "a combination needs 'all' and 'tier'")
                }
                let names = try doc.strings(all, what: "all").map(\.0)
                for name in names where !lexicon.signals.contains(where: { $0.name == name })
                    && !SafetyLexicon.builtIn.signals.contains(where: { $0.name == name })
                    && !lexicon.frames.contains(where: { $0.name == name }) && !SafetyLexicon.builtIn.frames.contains(where: { $0.name == name })
                {
                    throw doc.error(all, "S003", "combination names unknown signal '\(name)'",
                                    hint: "define the signal under `signals:` first")
                }
                lexicon.combinations.append(SafetyLexicon.Combination(
                    all: names, tier: try tier(tierNode),
                    about: try fields.first(where: { $0.key == "about" }).map { pair throws(Diagnostic) in
                        try doc.string(pair.value, what: "about")
                    } ?? ""))
            }
        }
        return lexicon
    }
}

/// The old name of ``DataFileLoader``.
@available(*, deprecated, renamed: "DataFileLoader")
public typealias DataFiles = DataFileLoader
