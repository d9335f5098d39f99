import Foundation
import TraceFuzz

/// `tracefuzz corpus prune`: replays each database entry stored against the tracer under test and
/// removes the ones that pass every run, printing one line per entry and a total.
///
/// ```text
/// kept     none-lost-1a2b3c4d.json     still fails none-lost (run 2 of 20)
/// removed  right-parent-00c0ffee.json  passed 20 runs
/// 2 entries in Scenarios/regressions: 1 kept (still failing), 1 removed
/// ```
struct CorpusPruner: Sendable {
    /// Runs per entry before it counts as passing.
    var attempts: Int
    /// Whether to only report.
    var dryRun: Bool
    /// The database directory as shown in messages.
    var directory: String

    /// Prunes `entries` of `database`; returns 1 if any entry still fails, 2 if one could not be removed.
    func prune<Factory: TracerAdapterFactory>(
        _ entries: [FailureDatabase.Entry], database: FailureDatabase, fuzzer: Fuzzer<Factory>,
        console: Console
    ) async -> ExitStatus {
        let tracer = fuzzer.factory.name
        console.out(
            "\(dryRun ? "checking" : "pruning") \(directory) against \(tracer) "
                + "(up to \(attempts) runs an entry)"
        )
        var rows: [[String]] = []
        var kept = 0
        var removed = 0
        var skipped = 0
        var failedRemovals = 0
        for entry in entries {
            let name = entry.url.lastPathComponent
            guard entry.finding.tracer == tracer else {
                skipped += 1
                rows.append(["skipped", name, "stored against \(entry.finding.tracer)"])
                continue
            }
            let seed = entry.finding.seedValue ?? 0
            let (outcome, attempt) = await fuzzer.replay(
                entry.finding.scenario, seed: seed, attempts: attempts)
            switch outcome {
            case .failed(let result, _):
                kept += 1
                let invariant = result.violations.first?.invariant ?? entry.finding.invariant
                rows.append(["kept", name, "still fails \(invariant) (run \(attempt) of \(attempts))"])
            case .unsupported(let record):
                skipped += 1
                rows.append([
                    "skipped", name, "cannot run on \(tracer): \(record.unsupported ?? "unsupported")",
                ])
            case .passed:
                if dryRun {
                    removed += 1
                    rows.append(["would remove", name, "passed \(attempts) runs"])
                    continue
                }
                do {
                    try database.remove(entry)
                    removed += 1
                    rows.append(["removed", name, "passed \(attempts) runs"])
                } catch {
                    failedRemovals += 1
                    rows.append(["not removed", name, "passed, but \(error.localizedDescription)"])
                }
            }
        }
        for line in Format.table(rows, indent: "") { console.out(line) }
        var parts = ["\(kept) kept (still failing)", "\(removed) \(dryRun ? "would be removed" : "removed")"]
        if skipped > 0 { parts.append("\(skipped) skipped") }
        if failedRemovals > 0 { parts.append("\(failedRemovals) could not be removed") }
        let count = entries.count == 1 ? "1 entry" : "\(entries.count) entries"
        console.out("\(count) in \(directory): \(parts.joined(separator: ", "))")
        if failedRemovals > 0 { return .badInput }
        return kept > 0 ? .finding : .clean
    }
}
