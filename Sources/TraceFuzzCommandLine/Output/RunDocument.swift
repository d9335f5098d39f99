import Foundation
import TraceFuzz

/// What `tracefuzz run --json` prints: one JSON object with the run's seed, statistics and findings.
///
/// ```json
/// { "findings": [], "generatorFlags": [], "seed": "0x2a",
///   "statistics": { "scenarios": 1000, ... }, "status": 0, "tracer": "TraceCore" }
/// ```
struct RunDocument: Codable, Sendable {
    /// The tracer fuzzed.
    var tracer: String
    /// The first scenario's seed, in hex.
    var seed: String
    /// The generator flags that differ from the defaults.
    var generatorFlags: [String]
    /// Coverage and speed.
    var statistics: Statistics
    /// Every finding.
    var findings: [FindingEntry]
    /// The exit status.
    var status: Int32

    /// What the failure database replay did, when a database was used.
    var database: DatabaseSummary?

    /// Totals, speed, and counts by executor, strategy and invariant (zeros included).
    struct Statistics: Codable, Sendable {
        var scenarios: Int
        var spans: Int
        var tasks: Int
        var unsupported: Int
        var unsupportedReasons: [String: Int]
        var findings: Int
        var seconds: Double
        var scenariosPerSecond: Double
        var executors: [String: Int]
        var strategies: [String: Int]
        var invariants: [String: Int]

        /// The statistics of a run made with `flags`, listing every enabled executor and strategy and
        /// every built-in invariant, at zero when never exercised.
        init(_ statistics: FuzzStatistics, flags: GeneratorFlags) {
            let executors = flags.options.executorWeights.filter { $0.value > 0 }.map(\.key.rawValue)
            let strategies = flags.options.strategyWeights.filter { $0.value > 0 }.map(\.key.rawValue)
            scenarios = statistics.scenarios
            spans = statistics.spans
            tasks = statistics.tasks
            unsupported = statistics.unsupported
            unsupportedReasons = statistics.unsupportedReasons
            findings = statistics.findings
            seconds = statistics.seconds
            scenariosPerSecond = statistics.scenariosPerSecond
            self.executors = RunDocument.withZeros(statistics.executors, executors)
            self.strategies = RunDocument.withZeros(statistics.strategies, strategies)
            invariants = RunDocument.withZeros(statistics.invariants, Invariants.names)
        }
    }

    /// The failure database replay: the directory, entries replayed and skipped, and how many failed.
    struct DatabaseSummary: Codable, Sendable {
        var directory: String
        var replayed: Int
        var skipped: Int
        var regressions: Int

        /// The summary of a replay.
        init(_ replay: DatabaseReplay) {
            directory = replay.display
            replayed = replay.replayed
            skipped = replay.otherTracers + replay.unsupported
            regressions = replay.regressions.count
        }
    }

    /// One finding: its seed, invariant, every violation, the reproduce line and the scenario file; for
    /// a shrunk finding the original seed's line and what shrinking did; for a regression, its entry.
    struct FindingEntry: Codable, Sendable {
        var seed: String
        var invariant: String
        var violations: [Violation]
        var reproduce: String
        var scenario: String?
        var scenarioError: String?
        var original: String?
        var shrunk: String?
        var saved: String?
        var regression: String?
    }

    /// The document for a finished run.
    init(
        tracer: String, seed: Seed, flags: GeneratorFlags, statistics: FuzzStatistics,
        findings: [ReportedFinding], status: ExitStatus, database: DatabaseReplay? = nil
    ) {
        self.tracer = tracer
        self.seed = seed.hex
        self.generatorFlags = flags.commandLine
        self.statistics = Statistics(statistics, flags: flags)
        self.findings = findings.map { reported in
            FindingEntry(
                seed: Seed(reported.finding.seed ?? 0).hex, invariant: reported.finding.invariant,
                violations: reported.finding.violations, reproduce: reported.reproduce,
                scenario: reported.scenarioPath, scenarioError: reported.writeError,
                original: reported.original,
                shrunk: reported.shrink?.description, saved: reported.savedPath,
                regression: reported.regressionOf)
        }
        self.status = status.rawValue
        self.database = database.map(DatabaseSummary.init)
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func withZeros(_ counts: [String: Int], _ names: [String]) -> [String: Int] {
        var all = counts
        for name in names where all[name] == nil { all[name] = 0 }
        return all
    }
}
