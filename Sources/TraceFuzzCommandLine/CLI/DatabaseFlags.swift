import Foundation
import TraceFuzz

/// `--database DIR` and `--no-database`: where the failure database is, for `run`, `stress`, `shrink`
/// and `corpus`.
///
/// There are two kinds, as Hypothesis keeps `.hypothesis/` apart from the tests it inspires: the
/// *working database*, `.tracefuzz/findings` under the working directory (git-ignored), where `run` and
/// `stress` save every finding and which they replay first; and the checked-in regressions,
/// `Scenarios/regressions`, fixed bugs that `swift test` replays, which change only through
/// `tracefuzz corpus add FILE`. Without either flag, ``resolved(default:)`` uses the working database
/// (created on the first save).
///
/// ```swift
/// var flags = DatabaseFlags()
/// var scanner = ArgumentScanner(["--database", "nightly-db"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// flags.resolved(default: DatabaseFlags.workingDirectory)?.display   // "nightly-db"
/// ```
struct DatabaseFlags: Hashable, Sendable {
    /// The working database `run` and `stress` use when no flag names one: git-ignored, never checked in.
    static let workingDirectory = ".tracefuzz/findings"
    /// The checked-in regressions: fixed bugs, replayed by `swift test`, changed only by `corpus add`.
    static let regressionsDirectory = "Scenarios/regressions"

    /// The directory given with `--database`, if any.
    var directory: String?
    /// Whether `--no-database` was given.
    var disabled = false

    /// The flags and what they set, for help texts.
    static let help = """
          --database DIR        the failure database to replay first and save findings to
                                (default: the working database \(workingDirectory), git-ignored;
                                \(regressionsDirectory) changes only through 'tracefuzz corpus add')
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
    /// `default` directory, if given, whether or not it exists yet. With the path to show in messages.
    func resolved(default defaultDirectory: String?) -> (database: FailureDatabase, display: String)? {
        if disabled { return nil }
        guard let directory = directory ?? defaultDirectory else { return nil }
        return (FailureDatabase(directory: URL(fileURLWithPath: directory)), directory)
    }
}
