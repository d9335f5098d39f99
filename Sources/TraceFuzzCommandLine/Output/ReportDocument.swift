import Foundation
import TraceFuzz

/// What `--report FILE` writes: every finding in full (each a ``FindingJSON`` object, shrunk when it
/// was, with the command line's own fields beside it), the run's statistics and its exit status.
///
/// ```json
/// { "command": "stress", "findings": [ { "invariant": "none-lost", "scenario": { … },
///     "reproduce": "tracefuzz replay tracefuzz-findings/none-lost-0x1d-shrunk.json",
///     "shrunk": "3 hops, 11 spans → 1 hop, 4 spans (52 candidates run, 7 kept)", … } ],
///   "format": 1, "seed": "0x2a", "shard": "1/4", "statistics": { … }, "status": 1, "tracer": "TraceCore" }
/// ```
struct ReportDocument: Encodable, Sendable {
    /// The version of this object's shape.
    var format = 1
    /// `run` or `stress`.
    var command: String
    /// The tracer fuzzed.
    var tracer: String
    /// The first scenario's seed, in hex.
    var seed: String
    /// `i/n` when the run was one shard of several.
    var shard: String?
    /// The generator flags that differ from the defaults.
    var generatorFlags: [String]
    /// Coverage and speed.
    var statistics: RunDocument.Statistics
    /// What the failure database replay did, when a database was used.
    var database: RunDocument.DatabaseSummary?
    /// Every finding, regressions first.
    var findings: [Entry]
    /// The exit status.
    var status: Int32

    /// One finding: the ``FindingJSON`` fields, then the command line's.
    struct Entry: Encodable, Sendable {
        /// The finding.
        var finding: FindingJSON
        /// The line that reproduces it.
        var reproduce: String
        /// The seed line of the unshrunk scenario, for a shrunk finding.
        var original: String?
        /// What shrinking did.
        var shrunk: String?
        /// The scenario file written.
        var scenarioFile: String?
        /// The failure-database entry it was saved to.
        var saved: String?
        /// The database entry that failed again, for a regression.
        var regression: String?

        private enum CodingKeys: String, CodingKey {
            case reproduce, original, shrunk, scenarioFile, saved, regression
        }

        /// The finding's own fields and these, in one object.
        func encode(to encoder: any Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reproduce, forKey: .reproduce)
            try container.encodeIfPresent(original, forKey: .original)
            try container.encodeIfPresent(shrunk, forKey: .shrunk)
            try container.encodeIfPresent(scenarioFile, forKey: .scenarioFile)
            try container.encodeIfPresent(saved, forKey: .saved)
            try container.encodeIfPresent(regression, forKey: .regression)
        }
    }

    /// The document for a finished run or stress session.
    init(
        command: String, tracer: String, seed: Seed, shard: Shard? = nil, flags: GeneratorFlags,
        statistics: FuzzStatistics, findings: [ReportedFinding], database: DatabaseReplay?, status: ExitStatus
    ) {
        self.command = command
        self.tracer = tracer
        self.seed = seed.hex
        self.shard = shard.flatMap { $0.count > 1 ? $0.description : nil }
        generatorFlags = flags.commandLine
        self.statistics = RunDocument.Statistics(statistics, flags: flags)
        self.database = database.map(RunDocument.DatabaseSummary.init)
        self.findings = findings.map { reported in
            Entry(
                finding: FindingJSON(reported.finding, options: flags.options, tracer: tracer),
                reproduce: reported.reproduce, original: reported.original,
                shrunk: reported.shrink?.description, scenarioFile: reported.scenarioPath,
                saved: reported.savedPath, regression: reported.regressionOf)
        }
        self.status = status.rawValue
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
