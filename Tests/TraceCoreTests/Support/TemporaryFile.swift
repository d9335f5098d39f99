import Foundation

/// A fresh empty file in the temporary directory, removed when this value is released.
final class TemporaryFile: Sendable {
    let url: URL
    let handle: FileHandle

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tracecore-\(UUID().uuidString).jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    /// The file's contents now.
    func contents() throws -> Data { try Data(contentsOf: url) }

    /// The file's lines now, without empty ones.
    func lines() throws -> [String] {
        String(decoding: try contents(), as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
