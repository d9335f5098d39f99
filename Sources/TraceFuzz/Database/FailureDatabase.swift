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
        let scan = self.scan()
        if let first = scan.unreadable.first { throw first.error }
        return scan.entries
    }

    /// What ``scan()`` finds: the entries that read, and the files that do not, each with its error.
    public struct Scan: Sendable {
        /// The readable entries, sorted by file name.
        public var entries: [Entry] = []
        /// The files that could not be read, sorted by file name, with why (`name.json: $.path`).
        public var unreadable: [(url: URL, error: ScenarioError)] = []
    }

    /// Reads every `.json` file of the directory, keeping going past files that cannot be read, so
    /// one corrupt entry does not hide the others. A missing directory is an empty database.
    public func scan() -> Scan {
        var scan = Scan()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return scan }
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            let url = directory.appendingPathComponent(name)
            do {
                scan.entries.append(Entry(url: url, finding: try Self.load(url)))
            } catch {
                scan.unreadable.append((url, error))
            }
        }
        return scan
    }

    /// Removes one entry.
    public func remove(_ entry: Entry) throws {
        try FileManager.default.removeItem(at: entry.url)
    }

    /// Reads one stored finding, strictly (unknown fields, non-integers and wrong kinds are errors naming
    /// their JSON path), validating its scenario. Errors name the file: `name.json: $.path`.
    public static func load(_ url: URL) throws(ScenarioError) -> StoredFinding {
        let name = url.lastPathComponent
        let document: JSONValue
        do {
            document = try ScenarioLoader.parse(try ScenarioLoader.read(url))
        } catch {
            throw ScenarioError(path: error.path.hasPrefix("$") ? "\(name): \(error.path)" : name, message: error.message)
        }
        let finding: StoredFinding
        do {
            finding = try StrictJSONDecoder.decode(StoredFinding.self, from: document)
        } catch let error as DecodingError {
            let described = ScenarioLoader.describe(error)
            throw ScenarioError(path: "\(name): \(described.path)", message: described.message)
        } catch {
            throw ScenarioError(path: name, message: "\(error)")
        }
        do {
            try ScenarioValidator.validate(finding.scenario)
        } catch {
            throw ScenarioError(path: "\(name): \(error.under("$.scenario").path)", message: error.message)
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
