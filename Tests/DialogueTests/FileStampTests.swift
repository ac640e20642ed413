import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("File stamps")
struct FileStampTests {
    @Test("a file that is not there has no stamp")
    func missing() {
        #expect(FileStamp(path: Repository.temporaryFolder() + "/nothing") == nil)
    }

    @Test("an unchanged file keeps its stamp, which gives its size and inode")
    func unchanged() throws {
        let path = Repository.temporaryFolder() + "/file"
        try Data("twelve bytes".utf8).write(to: URL(fileURLWithPath: path))
        let stamp = try #require(FileStamp(path: path))
        #expect(FileStamp(path: path) == stamp)
        #expect(stamp.size == 12)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(stamp.inode == (attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
        #expect(stamp.words.count == 7)
    }

    @Test("a file replaced by another of the same size, or rewritten to a new size, gets a new stamp")
    func changed() throws {
        let path = Repository.temporaryFolder() + "/file"
        try PrivateFile.write(Data("same".utf8), to: path)
        let first = try #require(FileStamp(path: path))
        try PrivateFile.write(Data("size".utf8), to: path)  // a new inode
        let replaced = try #require(FileStamp(path: path))
        #expect(replaced != first)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("!".utf8))
        try handle.close()
        #expect(FileStamp(path: path)?.size == 5)
        #expect(FileStamp(path: path) != replaced)
    }
}
