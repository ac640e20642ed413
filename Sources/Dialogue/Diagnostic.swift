import Intents

/// A problem found in a data file, reported compiler-style as `path:line:col: error: message`.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// A stable code, documented in docs/diagnostics.md (for example `F012`).
    public var code: String
    public var message: String
    public var hint: String?

    public init(path: String, line: Int, column: Int, severity: Severity = .error, code: String,
                message: String, hint: String? = nil)
    {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }

    public init(at position: SourcePosition, severity: Severity = .error, code: String, message: String, hint: String? = nil) {
        self.init(path: position.path, line: position.line, column: position.column, severity: severity, code: code,
                  message: message, hint: hint)
    }

    /// `path:line:col: error: message [CODE]`, then the hint on its own line.
    /// Control characters quoted from a file are written as `U+XXXX`, so a message never
    /// drives the terminal.
    public var description: String {
        var text = "\(FlowText.visible(path)):\(line):\(column): \(severity.rawValue): \(FlowText.visible(message)) [\(code)]"
        if let hint { text += "\n  hint: \(FlowText.visible(hint))" }
        return text
    }
}

/// Where something was written: a file, a line and a column (both 1-based).
public struct SourcePosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A position inside the program itself, for compiled-in fallbacks.
    public static func builtIn(_ name: String) -> SourcePosition { SourcePosition(path: "<built-in \(name)>", line: 1, column: 1) }

    /// `path:line`.
    public var description: String { "\(path):\(line)" }
}

extension Diagnostic.Severity: ArchivableByRawValue {}

extension Diagnostic: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(path)
        archive.write(line)
        archive.write(column)
        archive.write(severity)
        archive.write(code)
        archive.write(message)
        archive.write(hint)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(path: try archive.read(), line: try archive.read(), column: try archive.read(), severity: try archive.read(),
                  code: try archive.read(), message: try archive.read(), hint: try archive.read())
    }
}

extension SourcePosition: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(path)
        archive.write(line)
        archive.write(column)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(path: try archive.read(), line: try archive.read(), column: try archive.read())
    }
}
