import ArgumentParser
import Foundation

extension Output {
    /// Writes `text` to standard output for a command whose output is the point (journal, plan,
    /// export): a closed pipe ends quietly, any other failure (a full disk) is an error with exit 74.
    static func checked(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw ExitCode.success }
                error("chat: could not write to standard output (\(String(cString: strerror(errno)))). Check where the output goes.\n")
                throw ExitCode(74)
            }
            offset += written
        }
        bytes.removeAll()
    }
}
