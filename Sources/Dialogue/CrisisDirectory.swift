import Foundation
import Yams
import Intents

/// Crisis lines per region, from `Scripts/safety/crisis-lines.yaml`, with a compiled-in fallback.
public struct CrisisDirectory: Sendable {
    /// One service a person can reach.
    public struct Line: Sendable, Equatable {
        public var name: String
        public var call: String?
        public var text: String?
        public var web: String?
        public var hours: String?
        public var source: String?
        public var verified: String?

        public init(name: String, call: String? = nil, text: String? = nil, web: String? = nil, hours: String? = nil,
                    source: String? = nil, verified: String? = nil)
        {
            self.name = name
            self.call = call
            self.text = text
            self.web = web
            self.hours = hours
            self.source = source
            self.verified = verified
        }

        /// How to get through by phone: "call or text 988", "call 116 123", "text SHOUT to 85258".
        private var phoneWays: [String] {
            if let call, let text, call == text { return ["call or text \(call)"] }
            return (call.map { ["call \($0)"] } ?? []) + (text.map { ["text \($0)"] } ?? [])
        }

        /// The service and how to reach it, to fit in a sentence: "Samaritans (call 116 123)".
        public var reach: String {
            let ways = phoneWays.isEmpty ? (web.map { [$0] } ?? []) : phoneWays
            return ways.isEmpty ? name : "\(name) (\(ways.joined(separator: " or ")))"
        }

        /// One short line a person can act on: "988 Suicide & Crisis Lifeline: call or text 988 (24/7)".
        public var summary: String {
            var ways = phoneWays
            if let web { ways.append(ways.isEmpty ? web : "or visit \(web)") }
            var line = "\(name): \(ways.joined(separator: ", "))"
            if let hours { line += " (\(hours))" }
            return line
        }
    }

    /// The lines and emergency number of one region.
    public struct Region: Sendable {
        public var code: String
        public var name: String
        public var emergency: String
        public var lines: [Line]
        public var danger: [Line]
    }

    /// A number that must never be shown as current.
    public struct Retired: Sendable {
        public var region: String
        public var number: String
        public var name: String
    }

    public var regions: [String: Region]
    public var retired: [Retired]
    /// Codes of the regions read from a data file (the rest are compiled-in copies).
    public var regionsFromFile: Set<String> = []
    /// Lines the file lists with a retired number, left out at load: (region, name, number).
    public var hiddenRetired: [(region: String, name: String, number: String)] = []

    /// The code of the region used when the person's region is unknown.
    public static let international = "INTL"

    /// The region for `code`, or the international fallback.
    public func region(_ code: String?) -> Region {
        let code = code?.uppercased() == "UK" ? "GB" : code?.uppercased()
        if let code, let region = regions[code] { return region }
        return regions[Self.international] ?? Self.builtIn.regions[Self.international]!
    }

    /// The compiled-in copy of `Scripts/safety/crisis-lines.yaml`, used when the file can't be read.
    ///
    /// The EmbedScripts plugin compiles the file in as it is, and it is read like the file on disk.
    /// A test checks that it loads, so this can't fail at run time.
    public static let builtIn: CrisisDirectory = {
        do { return try load(text: Embedded.crisisLines, path: "<built-in>/Scripts/safety/crisis-lines.yaml", fallback: nil) } catch {
            preconditionFailure("the compiled-in crisis lines are broken: \(error)")
        }
    }()

    /// Reads the directory file; problems come back as diagnostics and the built-in copy is used for them.
    public static func load(path: String) throws(Diagnostic) -> CrisisDirectory {
        let doc = try YAMLDocument(contentsOf: path)
        return try load(doc, fallback: builtIn)
    }

    /// Reads directory text, filling gaps from `fallback` (nil only for the compiled-in copy itself).
    static func load(text: String, path: String, fallback: CrisisDirectory?) throws(Diagnostic) -> CrisisDirectory {
        try load(try YAMLDocument(path: path, text: text), fallback: fallback)
    }

    private static func load(_ doc: YAMLDocument, fallback: CrisisDirectory?) throws(Diagnostic) -> CrisisDirectory {
        let path = doc.path
        let top = try doc.mapping(doc.root, what: "the crisis-lines file")
        try doc.checkKeys(top, allowed: ["regions", "retired"], in: "the crisis-lines file")
        guard let regionsNode = top.first(where: { $0.key == "regions" })?.value else {
            throw Diagnostic(path: path, line: 1, column: 1, code: "S001", message: "missing 'regions'",
                             hint: "list the regions under `regions:`")
        }
        var regions: [String: Region] = [:]
        for pair in try doc.mapping(regionsNode, what: "regions") {
            let fields = try doc.mapping(pair.value, what: "region \(pair.key)")
            try doc.checkKeys(fields, allowed: ["name", "emergency", "lines", "danger"], in: "region \(pair.key)")
            func text(_ key: String) throws(Diagnostic) -> String {
                guard let node = fields.first(where: { $0.key == key })?.value else {
                    throw doc.error(pair.keyNode, "S001", "region \(pair.key) has no '\(key)'")
                }
                return try doc.string(node, what: key)
            }
            func lines(_ key: String) throws(Diagnostic) -> [Line] {
                guard let node = fields.first(where: { $0.key == key })?.value else { return [] }
                var out: [Line] = []
                for item in try doc.list(node, what: key) {
                    let entry = try doc.mapping(item, what: "a line")
                    try doc.checkKeys(entry, allowed: ["name", "call", "text", "web", "hours", "source", "verified"], in: "a line")
                    func field(_ name: String) throws(Diagnostic) -> String? {
                        guard let value = entry.first(where: { $0.key == name })?.value else { return nil }
                        return try doc.string(value, what: name)
                    }
                    guard let name = try field("name") else { throw doc.error(item, "S001", "a line needs a 'name'") }
                    out.append(Line(name: name, call: try field("call"), text: try field("text"), web: try field("web"),
                                    hours: try field("hours"), source: try field("source"), verified: try field("verified")))
                }
                return out
            }
            let code = pair.key.uppercased()
            regions[code] = Region(code: code, name: try text("name"), emergency: try text("emergency"),
                                   lines: try lines("lines"), danger: try lines("danger"))
        }
        var retired: [Retired] = []
        if let node = top.first(where: { $0.key == "retired" })?.value {
            for item in try doc.list(node, what: "retired") {
                let entry = try doc.mapping(item, what: "a retired number")
                func field(_ name: String) throws(Diagnostic) -> String {
                    guard let value = entry.first(where: { $0.key == name })?.value else {
                        throw doc.error(item, "S001", "a retired number needs '\(name)'")
                    }
                    return try doc.string(value, what: name)
                }
                retired.append(Retired(region: try field("region"), number: try field("number"), name: try field("name")))
            }
        }
        // A retired number is never shown, whatever the file says; a region left with no lines keeps the built-in ones.
        let retiredNumbers = Set(retired.map(\.number) + (fallback?.retired.map(\.number) ?? []))
        var hidden: [(String, String, String)] = []
        func isRetired(_ line: Line, in code: String) -> Bool {
            guard let number = [line.call, line.text].compactMap({ $0 }).first(where: retiredNumbers.contains) else { return false }
            hidden.append((code, line.name, number))
            return true
        }
        for code in regions.keys.sorted() {
            regions[code]!.lines.removeAll { isRetired($0, in: code) }
            regions[code]!.danger.removeAll { isRetired($0, in: code) }
            if regions[code]!.lines.isEmpty, let fallback = fallback?.regions[code] ?? fallback?.regions[international] {
                regions[code]!.lines = fallback.lines
            }
        }
        var directory = CrisisDirectory(regions: regions, retired: retired)
        directory.regionsFromFile = Set(regions.keys)
        directory.hiddenRetired = hidden
        for (code, region) in fallback?.regions ?? [:] where directory.regions[code] == nil { directory.regions[code] = region }
        return directory
    }

    /// The region code from the locale environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), such as `GB` for `en_GB.UTF-8`.
    public static func regionFromLocale(_ environment: [String: String]) -> String? {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let base = value.split(separator: ".").first.map(String.init) ?? value
            let parts = base.split(separator: "_")
            if parts.count == 2, parts[1].count == 2, parts[1].allSatisfy(\.isLetter) { return parts[1].uppercased() }
            return nil
        }
        return nil
    }
}

extension CrisisDirectory: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(regions)
        archive.write(retired)
        archive.write(regionsFromFile)
        archive.write(hiddenRetired.map(\.region))
        archive.write(hiddenRetired.map(\.name))
        archive.write(hiddenRetired.map(\.number))
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(regions: try archive.read(), retired: try archive.read())
        regionsFromFile = try archive.read()
        let regions = try archive.read([String].self), names = try archive.read([String].self)
        let numbers = try archive.read([String].self)
        guard regions.count == names.count, names.count == numbers.count else { throw ArchiveError("hidden crisis lines disagree") }
        hiddenRetired = (0..<regions.count).map { (regions[$0], names[$0], numbers[$0]) }
    }
}

extension CrisisDirectory.Line: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(call)
        archive.write(text)
        archive.write(web)
        archive.write(hours)
        archive.write(source)
        archive.write(verified)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(name: try archive.read(), call: try archive.read(), text: try archive.read(), web: try archive.read(),
                  hours: try archive.read(), source: try archive.read(), verified: try archive.read())
    }
}

extension CrisisDirectory.Region: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(code)
        archive.write(name)
        archive.write(emergency)
        archive.write(lines)
        archive.write(danger)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(code: try archive.read(), name: try archive.read(), emergency: try archive.read(), lines: try archive.read(),
                  danger: try archive.read())
    }
}

extension CrisisDirectory.Retired: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(region)
        archive.write(number)
        archive.write(name)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(region: try archive.read(), number: try archive.read(), name: try archive.read())
    }
}
