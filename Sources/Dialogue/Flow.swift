import Intents

/// A value together with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

/// One scripted exercise, loaded from a flow file.
public struct Flow: Sendable {
    public var id: Located<String>
    public var title: String
    public var summary: String?
    public var showInMenu: Bool
    /// Position in menus: lower comes first.
    public var order: Int
    public var triggers: [Located<String>]
    public var examples: [Located<String>]
    public var counterexamples: [Located<String>]
    public var start: Located<String>
    /// Steps by id.
    public var steps: [String: Step]
    /// Step ids in file order.
    public var stepOrder: [String]
    /// The file the flow came from.
    public var path: String
    /// Whether the optional mood rating may be asked before and after it (`mood-check: false` in
    /// the file for exercises someone may need at once, such as breathing through panic).
    public var asksMood: Bool = true

    public init(id: Located<String>, title: String, summary: String? = nil, showInMenu: Bool = true, order: Int = 100,
                triggers: [Located<String>] = [], examples: [Located<String>] = [],
                counterexamples: [Located<String>] = [], start: Located<String>, steps: [Step], path: String)
    {
        self.id = id
        self.title = title
        self.summary = summary
        self.showInMenu = showInMenu
        self.order = order
        self.triggers = triggers
        self.examples = examples
        self.counterexamples = counterexamples
        self.start = start
        self.steps = Dictionary(steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.stepOrder = steps.map(\.id)
        self.path = path
    }
}

/// One step of a flow: what it says, what it waits for, and where it goes next.
public struct Step: Sendable {
    /// What a step waits for from the person.
    public enum Expectation: Sendable {
        case capture(Located<String>)
        case scale(Located<String>)
        case yesNo(yes: Located<String>, no: Located<String>, unsure: Located<String>?)
        case choices([Choice])
    }

    /// One option of a `choices` step.
    public struct Choice: Sendable {
        public var label: String
        public var patterns: [Located<String>]
        public var next: Located<String>
        public var position: SourcePosition
    }

    /// One rule of a `branch`.
    public struct Rule: Sendable {
        /// nil for the final `else`.
        public var condition: Located<Condition>?
        public var next: Located<String>
    }

    /// A `classify` instruction: match text against a list, store the items found.
    public struct Classify: Sendable {
        public var text: Located<String>
        public var list: Located<String>
        public var into: Located<String>
    }

    public var id: String
    public var position: SourcePosition
    /// Variants of what to say; one is picked each time.
    public var say: [Located<String>]
    public var expectation: Expectation?
    public var branch: [Rule]?
    public var classify: Classify?
    public var journal: Located<String>?
    /// Which list `journal` saves to (see ``Store/Kind``); nil for a journal entry of the flow's kind.
    public var kind: String?
    public var reprompt: String?
    public var next: Located<String>?
    public var ends: Bool
    /// Only in the crisis flow: go back to the exercise that was interrupted.
    public var resumes: Bool
    /// Flow ids offered when this step is reached; the flow ends there, and the person picks one.
    public var offer: [Located<String>] = []

    public init(id: String, position: SourcePosition, say: [Located<String>] = [], expectation: Expectation? = nil,
                branch: [Rule]? = nil, classify: Classify? = nil, journal: Located<String>? = nil,
                kind: String? = nil, reprompt: String? = nil, next: Located<String>? = nil, ends: Bool = false, resumes: Bool = false)
    {
        self.id = id
        self.position = position
        self.say = say
        self.expectation = expectation
        self.branch = branch
        self.classify = classify
        self.journal = journal
        self.kind = kind
        self.reprompt = reprompt
        self.next = next
        self.ends = ends
        self.resumes = resumes
    }

    /// Every step id this step can lead to, with where it was named.
    public var targets: [Located<String>] {
        var out: [Located<String>] = []
        if let next { out.append(next) }
        switch expectation {
        case .yesNo(let yes, let no, let unsure): out += [yes, no] + (unsure.map { [$0] } ?? [])
        case .choices(let choices): out += choices.map(\.next)
        default: break
        }
        out += (branch ?? []).map(\.next)
        return out
    }

    /// The variables this step sets: its `classify` result and its answer.
    public var setsVariables: [Located<String>] {
        var names = classify.map { [$0.into] } ?? []
        switch expectation {
        case .capture(let name), .scale(let name): names.append(name)
        default: break
        }
        return names
    }
}

extension Located: Archivable where Value: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(value)
        archive.write(position)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(try archive.read(), at: try archive.read())
    }
}

extension Flow: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(title)
        archive.write(summary)
        archive.write(showInMenu)
        archive.write(order)
        archive.write(triggers)
        archive.write(examples)
        archive.write(counterexamples)
        archive.write(start)
        archive.write(stepOrder.map { steps[$0]! })
        archive.write(path)
        archive.write(asksMood)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try archive.read(), title: try archive.read(), summary: try archive.read(), showInMenu: try archive.read(),
                  order: try archive.read(), triggers: try archive.read(), examples: try archive.read(),
                  counterexamples: try archive.read(), start: try archive.read(), steps: try archive.read(), path: try archive.read())
        asksMood = try archive.read()
    }
}

extension Step: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(position)
        archive.write(say)
        archive.write(expectation)
        archive.write(branch)
        archive.write(classify)
        archive.write(journal)
        archive.write(kind)
        archive.write(reprompt)
        archive.write(next)
        archive.write(ends)
        archive.write(resumes)
        archive.write(offer)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try archive.read(), position: try archive.read(), say: try archive.read(), expectation: try archive.read(),
                  branch: try archive.read(), classify: try archive.read(), journal: try archive.read(),
                  kind: try archive.read(), reprompt: try archive.read(), next: try archive.read(), ends: try archive.read(), resumes: try archive.read())
        offer = try archive.read()
    }
}

extension Step.Expectation: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        switch self {
        case .capture(let name):
            archive.write(plain: UInt8(0))
            archive.write(name)
        case .scale(let name):
            archive.write(plain: UInt8(1))
            archive.write(name)
        case .yesNo(let yes, let no, let unsure):
            archive.write(plain: UInt8(2))
            archive.write(yes)
            archive.write(no)
            archive.write(unsure)
        case .choices(let choices):
            archive.write(plain: UInt8(3))
            archive.write(choices)
        }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        switch try archive.read(plain: UInt8.self) {
        case 0: self = .capture(try archive.read())
        case 1: self = .scale(try archive.read())
        case 2: self = .yesNo(yes: try archive.read(), no: try archive.read(), unsure: try archive.read())
        case 3: self = .choices(try archive.read())
        case let tag: throw ArchiveError("\(tag) is not a kind of step")
        }
    }
}

extension Step.Choice: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(label)
        archive.write(patterns)
        archive.write(next)
        archive.write(position)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(label: try archive.read(), patterns: try archive.read(), next: try archive.read(), position: try archive.read())
    }
}

extension Step.Rule: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(condition)
        archive.write(next)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(condition: try archive.read(), next: try archive.read())
    }
}

extension Step.Classify: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(text)
        archive.write(list)
        archive.write(into)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(text: try archive.read(), list: try archive.read(), into: try archive.read())
    }
}
