import Foundation
import TraceFuzz

/// Stores failing scenarios as canonical scenario JSON, atomically: a temporary file in the same
/// directory, then a rename, so a reader never sees half a file.
///
/// Files are named `<invariant>-<seed hex>.json` and hold exactly what `tracefuzz generate` prints for
/// that seed, so `tracefuzz replay FILE` and `tracefuzz check FILE` accept them.
///
/// ```swift
/// let path = try FindingWriter(directory: "tracefuzz-findings").write(finding)
/// // tracefuzz-findings/right-parent-0x2b.json
/// ```
struct FindingWriter: Sendable {
    /// The directory findings go to; made if missing.
    var directory: String

    /// The default directory, relative to the working directory.
    static let defaultDirectory = "tracefuzz-findings"

    /// The file name for a finding: `<invariant>-<seed hex>.json`.
    static func fileName(invariant: String, seed: Seed) -> String { "\(invariant)-\(seed.hex).json" }

    /// Writes the finding's scenario and returns the file's path.
    func write(_ finding: Finding) throws(UsageError) -> String {
        let name = Self.fileName(invariant: finding.invariant, seed: Seed(finding.seed ?? 0))
        return try write(ScenarioLoader.encode(finding.scenario), named: name)
    }

    /// Writes `data` to `name` in the directory through a temporary file and a rename.
    func write(_ data: Data, named name: String) throws(UsageError) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let path = prefix + name
        let temporary = prefix + ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw UsageError("--findings-dir: cannot write \(path): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw UsageError("--findings-dir: cannot write \(path): \(reason)")
        }
        return path
    }

    /// A stored finding as a file holds it: pretty, key-sorted JSON with a trailing newline, as the
    /// failure database writes its entries.
    static func data(for stored: StoredFinding) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(stored)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
