import Foundation

/// The failure database: one JSON file per finding in a directory (by default `Scenarios/regressions`),
/// named `<invariant>-<short hash>.json`, written atomically (a temporary file, then a rename), replayed
/// before new fuzzing, and pruned of entries that no longer fail.
///
/// ```swift
/// let database = FailureDatabase(directory: URL(fileURLWithPath: "Scenarios/regressions"))
/// let url = try database.save(StoredFinding(finding, tracer: "TraceCore"))
/// for entry in try database.entries() { print(entry.url.lastPathComponent, entry.finding.invariant) }
/// ```
public struct FailureDatabase: Sendable {
    /// The directory holding the entries.
    public var directory: URL

    /// A database in `directory` (created on first save).
    public init(directory: URL) { self.directory = directory }

    /// One stored entry and where it lives.
    public struct Entry: Sendable {
        /// The entry's file.
        public var url: URL
        /// Its content.
        public var finding: StoredFinding
    }

    /// Saves a finding; the same scenario failing the same invariant always maps to the same file.
    /// Returns the file's URL.
    @discardableResult
    public func save(_ finding: StoredFinding) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(Self.fileName(for: finding))
        // `.atomic` writes a temporary file beside the target and renames it into place.
        try Self.encode(finding).write(to: url, options: .atomic)
        return url
    }

    /// Every entry, sorted by file name. A file that cannot be read is reported as an error naming it.
    public func entries() throws(ScenarioError) -> [Entry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return []
        }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name throws(ScenarioError) in
            let url = directory.appendingPathComponent(name)
            return Entry(url: url, finding: try Self.load(url))
        }
    }

    /// Removes one entry.
    public func remove(_ entry: Entry) throws {
        try FileManager.default.removeItem(at: entry.url)
    }

    /// Reads one stored finding, validating its scenario.
    public static func load(_ url: URL) throws(ScenarioError) -> StoredFinding {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioError(path: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        let finding: StoredFinding
        do {
            finding = try JSONDecoder().decode(StoredFinding.self, from: data)
        } catch let error as DecodingError {
            let described = ScenarioLoader.describe(error)
            throw ScenarioError(path: "\(url.lastPathComponent): \(described.path)", message: described.message)
        } catch {
            throw ScenarioError(path: url.lastPathComponent, message: "\(error)")
        }
        do {
            try ScenarioValidator.validate(finding.scenario)
        } catch {
            let path = error.path.replacingOccurrences(of: "$", with: "$.scenario")
            throw ScenarioError(path: "\(url.lastPathComponent): \(path)", message: error.message)
        }
        return finding
    }

    /// `<invariant>-<8 hex digits of the scenario's FNV-1a hash>.json`.
    public static func fileName(for finding: StoredFinding) -> String {
        let bytes = ScenarioLoader.encode(finding.scenario)
        let hash = bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
        let short = String(hash >> 32, radix: 16)
        return "\(finding.invariant)-\(String(repeating: "0", count: 8 - short.count) + short).json"
    }

    static func encode(_ finding: StoredFinding) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(finding)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
