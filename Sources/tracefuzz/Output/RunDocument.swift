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

    /// Totals, speed, and counts by executor, strategy and invariant (zeros included).
    struct Statistics: Codable, Sendable {
        var scenarios: Int
        var spans: Int
        var tasks: Int
        var unsupported: Int
        var findings: Int
        var seconds: Double
        var scenariosPerSecond: Double
        var executors: [String: Int]
        var strategies: [String: Int]
        var invariants: [String: Int]
    }

    /// One finding: its seed, invariant, every violation, the reproduce line and the scenario file.
    struct FindingEntry: Codable, Sendable {
        var seed: String
        var invariant: String
        var violations: [Violation]
        var reproduce: String
        var scenario: String?
        var scenarioError: String?
    }

    /// The document for a finished run.
    init(
        tracer: String, seed: Seed, flags: GeneratorFlags, statistics: FuzzStatistics,
        findings: [ReportedFinding], status: ExitStatus
    ) {
        self.tracer = tracer
        self.seed = seed.hex
        self.generatorFlags = flags.commandLine
        let executors = flags.options.executorWeights.filter { $0.value > 0 }.map(\.key.rawValue)
        let strategies = flags.options.strategyWeights.filter { $0.value > 0 }.map(\.key.rawValue)
        self.statistics = Statistics(
            scenarios: statistics.scenarios, spans: statistics.spans, tasks: statistics.tasks,
            unsupported: statistics.unsupported, findings: statistics.findings, seconds: statistics.seconds,
            scenariosPerSecond: statistics.scenariosPerSecond,
            executors: Self.withZeros(statistics.executors, executors),
            strategies: Self.withZeros(statistics.strategies, strategies),
            invariants: Self.withZeros(statistics.invariants, Invariants.names))
        self.findings = findings.map { reported in
            FindingEntry(
                seed: Seed(reported.finding.seed ?? 0).hex, invariant: reported.finding.invariant,
                violations: reported.finding.violations, reproduce: reported.reproduce,
                scenario: reported.scenarioPath, scenarioError: reported.writeError)
        }
        self.status = status.rawValue
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func withZeros(_ counts: [String: Int], _ names: [String]) -> [String: Int] {
        var all = counts
        for name in names where all[name] == nil { all[name] = 0 }
        return all
    }
}
