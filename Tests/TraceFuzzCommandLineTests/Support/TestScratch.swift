import Foundation

/// The one directory under the system's temporary directory that holds every temporary directory of this
/// test process, removed with everything in it when the process exits normally (so a test run leaves
/// nothing behind in `/tmp`, however many tests made files).
enum TestScratch {
    /// The directory, made on first use.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tracefuzz-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return url
    }()
}
