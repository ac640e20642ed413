import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("Private files")
struct PrivateFileTests {
    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a file is written whole, readable only by its owner, in a folder only its owner can open")
    func privateModes() throws {
        let root = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/new/folder/file"
        try PrivateFile.write(Data("first".utf8), to: path)
        try PrivateFile.write(Data("second".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("second".utf8))
        #expect(try mode(path) == 0o600)
        #expect(try mode(root + "/new/folder") == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/new/folder") == ["file"])
    }

    @Test("a library that opens the file by name (as libedit saves its history) writes into the private temporary file")
    func fillingByName() throws {
        let root = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/history"
        try PrivateFile.replace(path) { _, temporary in
            guard let file = fopen(temporary, "w") else { return false }  // as libedit does: open by name, truncate
            fputs("_HiStOrY_V2_\nhelp\n", file)
            return fclose(file) == 0
        }
        #expect(FileManager.default.contents(atPath: path) == Data("_HiStOrY_V2_\nhelp\n".utf8))
        #expect(try mode(path) == 0o600)
    }

    @Test("when the new contents can't be written, the old file stays as it was and no temporary file is left")
    func failedFillKeepsOld() throws {
        let root = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/file"
        try PrivateFile.write(Data("old".utf8), to: path)
        #expect(throws: (any Error).self) { try PrivateFile.replace(path) { _, _ in false } }
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["file"])
    }

    @Test("temporary copies left by a killed writer are cleaned up on the next write; the live one's are not")
    func staleTemporaries() throws {
        let folder = Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/library.bin"
        let stale = path + ".tmp-2147483000"  // no process has this id
        let live = path + ".tmp-1"  // init is always running
        FileManager.default.createFile(atPath: stale, contents: Data(count: 1000))
        FileManager.default.createFile(atPath: live, contents: Data())
        try PrivateFile.write(Data("new".utf8), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["library.bin", "library.bin.tmp-1"])
    }
}
