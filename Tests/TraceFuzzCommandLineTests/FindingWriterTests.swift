import Foundation
import Testing

@testable import TraceFuzzCommandLine

@Suite("FindingWriter")
struct FindingWriterTests {
    @Test("names files after the invariant and the seed")
    func fileName() {
        #expect(
            FindingWriter.fileName(invariant: "right-parent", seed: Seed(0x2b)) == "right-parent-0x2b.json")
    }

    @Test("makes the directory, writes the bytes, leaves no temporary file")
    func writes() throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("a/b")
        let writer = FindingWriter(directory: directory.path)
        let path = try writer.write(Data("{}\n".utf8), named: "x.json")
        #expect(path == directory.appendingPathComponent("x.json").path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{}\n".utf8))
        _ = try writer.write(Data("[]\n".utf8), named: "x.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("[]\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["x.json"])
    }

    @Test("a directory that cannot be made is an error naming --findings-dir")
    func unwritable() throws {
        let file = try makeTemporaryDirectory().appendingPathComponent("plain-file")
        try Data().write(to: file)
        #expect {
            try FindingWriter(directory: file.path).write(Data(), named: "x.json")
        } throws: { error in
            (error as? UsageError)?.message.hasPrefix("--findings-dir: cannot write \(file.path)/x.json")
                == true
        }
    }
}
