import Intents

/// A `branch` condition: a variable is set, or two numbers compare.
public struct Condition: Sendable, Equatable {
    public enum Operand: Sendable, Equatable {
        case variable(String)
        case number(Double)
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">"
    }

    public var left: String
    public var comparison: Comparison?
    public var right: Operand?

    /// Parses `name`, `name < 5` or `name >= other`.
    public init(parsing text: String) throws(ConditionError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for comparison in Comparison.allCases {
            guard let range = trimmed.range(of: comparison.rawValue) else { continue }
            let left = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let right = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard Self.isName(left) else { throw ConditionError(message: "'\(left)' is not a variable name") }
            self.left = left
            self.comparison = comparison
            if let number = Double(right) {
                self.right = .number(number)
            } else if Self.isName(right) {
                self.right = .variable(right)
            } else {
                throw ConditionError(message: "'\(right)' is neither a number nor a variable name")
            }
            return
        }
        guard Self.isName(trimmed) else {
            throw ConditionError(message: "'\(trimmed)' is not a condition")
        }
        left = trimmed
        comparison = nil
        right = nil
    }

    /// Variables the condition reads.
    public var variables: [String] {
        if case .variable(let name)? = right { return [left, name] }
        return [left]
    }

    /// Evaluates against `variables`; a comparison with a missing or non-numeric side is false.
    public func evaluate(_ variables: [String: String]) -> Bool {
        guard let comparison, let right else { return !(variables[left] ?? "").isEmpty }
        guard let a = variables[left].flatMap(Double.init) else { return false }
        let b: Double
        switch right {
        case .number(let n): b = n
        case .variable(let name):
            guard let value = variables[name].flatMap(Double.init) else { return false }
            b = value
        }
        switch comparison {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        case .equal: return a == b
        case .notEqual: return a != b
        }
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}

/// Why a condition could not be read.
public struct ConditionError: Error, Sendable {
    public var message: String
}

import Foundation

extension Condition.Comparison: ArchivableByRawValue {}

extension Condition: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(left)
        archive.write(comparison)
        archive.write(right)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        left = try archive.read()
        comparison = try archive.read()
        right = try archive.read()
    }
}

extension Condition.Operand: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        switch self {
        case .variable(let name):
            archive.write(plain: UInt8(0))
            archive.write(name)
        case .number(let number):
            archive.write(plain: UInt8(1))
            archive.write(number)
        }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        switch try archive.read(plain: UInt8.self) {
        case 0: self = .variable(try archive.read())
        case 1: self = .number(try archive.read())
        case let tag: throw ArchiveError("\(tag) is not an operand")
        }
    }
}
