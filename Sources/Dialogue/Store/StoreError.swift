import Foundation

/// Why the store could not be opened, read or written: what went wrong, where, and how to fix it.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in one sentence.
    public var problem: String
    /// The file or folder concerned.
    public var path: String
    /// What the person can do about it.
    public var fix: String

    public init(_ problem: String, path: String, fix: String) {
        self.problem = problem
        self.path = path
        self.fix = fix
    }

    /// `path: problem; fix`, the form printed on standard error.
    public var description: String { "\(path): \(problem). \(fix)" }

    /// The system's reason for the last failed call (`errno`), in words.
    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// A failure from SQLite or the file system while using the database at `path`.
    static func wrap(_ error: any Error, path: String, doing action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseErrorDescribing {
            return StoreError("could not \(action): \(error.storeMessage)", path: path, fix: fixHint)
        }
        return StoreError("could not \(action): \(error)", path: path, fix: fixHint)
    }

    static let fixHint = "Check that the folder exists and that you may write to it, or start chat with --data-dir and another folder."
}

/// Errors that can say what went wrong in a few plain words.
protocol DatabaseErrorDescribing { var storeMessage: String { get } }
