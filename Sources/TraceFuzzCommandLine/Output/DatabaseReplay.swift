import Foundation
import TraceFuzz

/// Replays the failure database before new fuzzing, as Hypothesis does: every entry stored against the
/// tracer under test runs again, and one that fails again is a regression (a finding).
///
/// ```swift
/// let replay = try await DatabaseReplay.run(database, display: "Scenarios/regressions", fuzzer: fuzzer,
///                                           tracer: factory.name)
/// print(replay.summary)   // "database: replayed 3 entries from Scenarios/regressions, none fails again"
/// ```
struct DatabaseReplay: Sendable {
    /// Runs an entry gets before it counts as passing.
    static let defaultAttempts = 5

    /// The directory as shown in messages.
    var display: String
    /// Entries replayed.
    var replayed = 0
    /// Entries stored against other tracers, left alone.
    var otherTracers = 0
    /// Entries the tracer under test cannot run.
    var unsupported = 0
    /// The entries that failed again.
    var regressions: [ReportedFinding] = []

    /// Replays every entry of `database` whose tracer is `tracer`, up to `attempts` runs each.
    /// Throws if an entry cannot be read, naming the file and JSON path.
    static func run<Factory: TracerAdapterFactory>(
        _ database: FailureDatabase, display: String, fuzzer: Fuzzer<Factory>, tracer: String,
        attempts: Int = defaultAttempts
    ) async throws(ScenarioError) -> DatabaseReplay {
        var result = DatabaseReplay(display: display)
        for entry in try database.entries() {
            guard entry.finding.tracer == tracer else {
                result.otherTracers += 1
                continue
            }
            let seed = entry.finding.seedValue ?? 0
            let (outcome, _) = await fuzzer.replay(entry.finding.scenario, seed: seed, attempts: attempts)
            switch outcome {
            case .unsupported:
                result.unsupported += 1
                continue
            case .passed:
                result.replayed += 1
            case .failed(let check, let record):
                result.replayed += 1
                let path = display.hasSuffix("/") ? display : display + "/"
                let file = path + entry.url.lastPathComponent
                let finding = Finding(
                    seed: entry.finding.seedValue, choices: entry.finding.choices.map(ChoiceSequence.init),
                    scenario: entry.finding.scenario, violations: check.violations, record: record)
                result.regressions.append(
                    ReportedFinding(
                        finding: finding, reproduce: ReportedFinding.replayFileCommand(file),
                        regressionOf: file))
            }
        }
        return result
    }

    /// An unreadable entry as `DIR: name.json: $.path: message`.
    static func describe(_ error: ScenarioError, display: String) -> String {
        "\(display): \(error.path): \(error.message)"
    }

    /// `database: replayed 3 entries from DIR, none fails again (1 for other tracers skipped)`.
    var summary: String {
        let entries = replayed == 1 ? "1 entry" : "\(replayed) entries"
        let failing =
            regressions.isEmpty
            ? "none fails again" : "\(regressions.count) \(regressions.count == 1 ? "fails" : "fail") again"
        var text = "database: replayed \(entries) from \(display), \(failing)"
        var skipped: [String] = []
        if otherTracers > 0 { skipped.append("\(otherTracers) for other tracers") }
        if unsupported > 0 { skipped.append("\(unsupported) unsupported") }
        if !skipped.isEmpty { text += " (skipped: \(skipped.joined(separator: ", ")))" }
        return text
    }
}
