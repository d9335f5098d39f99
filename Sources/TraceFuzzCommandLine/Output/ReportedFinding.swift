import TraceFuzz

/// A finding as the command line reports it: the finding (shrunk, when it was), the command that
/// reproduces it, what shrinking did, and where its files went.
struct ReportedFinding: Sendable {
    /// The finding as reported: the shrunk one when shrinking made it smaller.
    var finding: Finding
    /// The line that reproduces ``finding``: `tracefuzz replay FILE` for a shrunk finding or a
    /// regression, `tracefuzz replay --seed 0x… [generator flags]` otherwise.
    var reproduce: String
    /// The line that regenerates the original, unshrunk scenario, when ``reproduce`` replays a file.
    var original: String?
    /// What shrinking did, if it made the finding smaller.
    var shrink: ShrinkSummary?
    /// Why the finding was not shrunk, when that is worth saying.
    var shrinkNote: String?
    /// The scenario file, if it was written.
    var scenarioPath: String?
    /// Why the scenario file could not be written, if it could not.
    var writeError: String?
    /// The failure-database entry the finding was saved to, if it was.
    var savedPath: String?
    /// Whether that entry was there already (the same scenario failing the same invariant).
    var alreadySaved = false
    /// Why the finding could not be saved to the database, if it could not.
    var saveError: String?
    /// Why the finding was not offered to the database at all (a scenario that tests the harness).
    var unsavedReason: String?
    /// The database entry that failed again, when this finding is a regression.
    var regressionOf: String?

    /// The finding for the JUnit report, with its reproduce line first and the original's after it.
    var junitFailure: JUnitReport.Failure {
        JUnitReport.Failure(finding, reproduce: [reproduce] + (original.map { [$0] } ?? []))
    }

    /// How many violations the human-readable report prints before summarising the rest.
    static let printedViolations = 20

    /// The command that regenerates and replays scenario `seed` with the given generator flags.
    static func reproduceCommand(seed: Seed, flags: GeneratorFlags) -> String {
        TraceFuzz.ReplayCommand.line(seed: seed.value, options: flags.options)
    }

    /// The command that replays a scenario file (its run seed comes from the file when it records one).
    static func replayFileCommand(_ path: String) -> String {
        TraceFuzz.ReplayCommand.line(file: path)
    }

    /// The human-readable report: the invariant, every violation with its expected and actual lines,
    /// the expected-versus-actual span trees, what shrinking did, the reproduce lines and the files.
    var lines: [String] {
        let violations = finding.violations
        let count = violations.count == 1 ? "1 violation" : "\(violations.count) violations"
        var lines: [String]
        if let regressionOf {
            lines = ["regression: \(regressionOf) fails \(finding.invariant) again (\(count))"]
        } else {
            let shrunk = shrink == nil ? "" : ", shrunk"
            lines = [
                "finding: \(finding.invariant) in scenario \(Seed(finding.seed ?? 0).hex) (\(count)\(shrunk))"
            ]
        }
        for violation in violations.prefix(Self.printedViolations) {
            lines += violation.description.split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
        }
        if violations.count > Self.printedViolations {
            let more = violations.count - Self.printedViolations
            lines.append("… and \(more) more (all of them with --json)")
        }
        lines.append("")
        lines += SpanTreeReport(finding).text.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        lines.append("")
        if let shrink { lines.append("shrunk: \(shrink)") }
        if let shrinkNote { lines.append("not shrunk: \(shrinkNote)") }
        lines.append("reproduce: \(reproduce)")
        if let original { lines.append("original: \(original)") }
        if let scenarioPath, reproduce != Self.replayFileCommand(scenarioPath) {
            lines.append("scenario: \(scenarioPath)  (\(Self.replayFileCommand(scenarioPath)))")
        } else if let writeError {
            lines.append("scenario: not written: \(writeError)")
        }
        if let savedPath {
            lines.append(
                alreadySaved ? "saved: \(savedPath) (already in the database)" : "saved: \(savedPath)")
        } else if let saveError {
            lines.append("saved: not saved: \(saveError)")
        } else if let unsavedReason {
            lines.append("saved: not saved: \(unsavedReason)")
        }
        return lines
    }
}
