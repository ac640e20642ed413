import Intents

/// A list for `classify` steps: named items, each with patterns that spot it in text.
public struct ClassifierList: Sendable {
    public struct Item: Sendable {
        public var name: String
        public var says: String
        public var patterns: [Located<String>]
    }

    public var id: String
    public var items: [Item]
    public var path: String
}

extension ClassifierList: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(items)
        archive.write(path)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try archive.read(), items: try archive.read(), path: try archive.read())
    }
}

extension ClassifierList.Item: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(says)
        archive.write(patterns)
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        self.init(name: try archive.read(), says: try archive.read(), patterns: try archive.read())
    }
}
