import TraceFuzz

/// A finding as the command line reports it: the finding, the command that reproduces it, and where
/// its scenario file went.
struct ReportedFinding: Sendable {
    /// The finding.
    var finding: Finding
    /// `tracefuzz replay --seed 0x… [generator flags]`.
    var reproduce: String
    /// The scenario file, if it was written.
    var scenarioPath: String?
    /// Why the scenario file could not be written, if it could not.
    var writeError: String?

    /// How many violations the human-readable report prints before summarising the rest.
    static let printedViolations = 20

    /// The command that regenerates and replays scenario `seed` with the given generator flags.
    static func reproduceCommand(seed: Seed, flags: GeneratorFlags) -> String {
        TraceFuzz.ReplayCommand.line(seed: seed.value, options: flags.options)
    }

    /// The human-readable report: the invariant, every violation with its expected and actual lines,
    /// the expected-versus-actual span trees, the reproduce command and the scenario file.
    var lines: [String] {
        let violations = finding.violations
        let count = violations.count == 1 ? "1 violation" : "\(violations.count) violations"
        var lines = ["finding: \(finding.invariant) in scenario \(Seed(finding.seed ?? 0).hex) (\(count))"]
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
        lines.append("reproduce: \(reproduce)")
        if let scenarioPath {
            lines.append("scenario: \(scenarioPath)  (tracefuzz replay \(scenarioPath))")
        } else if let writeError {
            lines.append("scenario: not written: \(writeError)")
        }
        return lines
    }
}
