import Foundation
import TraceFuzz

/// `--database DIR` and `--no-database`: where the failure database is, for `run`, `stress`, `shrink`
/// and `corpus`.
///
/// Without either flag, ``resolved(default:)`` uses the default directory, `Scenarios/regressions`
/// (the package's own database), when it exists under the working directory, and no database
/// otherwise, so a run elsewhere never creates one by surprise.
///
/// ```swift
/// var flags = DatabaseFlags()
/// var scanner = ArgumentScanner(["--database", "nightly-db"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// flags.resolved(default: "Scenarios/regressions")?.directory.path   // ".../nightly-db"
/// ```
struct DatabaseFlags: Hashable, Sendable {
    /// The directory used when no flag names one.
    static let defaultDirectory = "Scenarios/regressions"

    /// The directory given with `--database`, if any.
    var directory: String?
    /// Whether `--no-database` was given.
    var disabled = false

    /// The flags and what they set, for help texts.
    static let help = """
          --database DIR        the failure database (default \(defaultDirectory) when it exists here)
          --no-database         neither replay nor save to a failure database
        """

    /// No flags given.
    init() {}

    /// Reads flag `name` if it is a database flag: `true` if it was one.
    mutating func parse(_ name: String, from scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch name {
        case "database":
            let value = try scanner.value(for: name)
            if value.isEmpty { throw UsageError.option(name, "expects a directory") }
            directory = value
        case "no-database": disabled = true
        default: return false
        }
        if disabled && directory != nil {
            throw UsageError("--database and --no-database cannot be combined")
        }
        return true
    }

    /// The database to use: the one named by `--database`; none with `--no-database`; otherwise the
    /// `default` directory when it is given and exists, with the path to show in messages.
    func resolved(default defaultDirectory: String?) -> (database: FailureDatabase, display: String)? {
        if disabled { return nil }
        if let directory { return (FailureDatabase(directory: URL(fileURLWithPath: directory)), directory) }
        guard let defaultDirectory else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: defaultDirectory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { return nil }
        return (FailureDatabase(directory: URL(fileURLWithPath: defaultDirectory)), defaultDirectory)
    }
}
