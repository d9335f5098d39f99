import Foundation
import TraceFuzz

/// `tracefuzz corpus add FILE`: copies a fixed finding into the checked-in regressions, the one way that
/// directory changes.
///
/// ```text
/// $ tracefuzz corpus add .tracefuzz/findings/none-lost-2bc4d96a.json
/// passed 20 runs against TraceCore: the bug stays fixed
/// added Scenarios/regressions/none-lost-2bc4d96a.json
/// ```
///
/// The file must be a stored finding (it records the tracer, the invariant and the message, and is
/// read strictly). A finding whose scenario tests the harness (`hang`, `garbage`) is refused; one
/// stored against the tracer under test must pass every one of `attempts` runs, since `swift test`
/// expects each regression to pass.
struct CorpusAdder: Sendable {
    /// Runs the finding gets before it counts as fixed.
    var attempts: Int
    /// The regressions directory, as given (and shown).
    var directory: String

    /// Adds `file`; 0 added (or already there), 1 it still fails, 2 it is not a stored finding, tests
    /// the harness, or cannot be written.
    func add<Factory: TracerAdapterFactory>(
        _ file: String, fuzzer: Fuzzer<Factory>, console: Console
    ) async -> ExitStatus {
        let finding: StoredFinding
        do {
            finding = try FailureDatabase.load(URL(fileURLWithPath: file))
        } catch {
            // The loader names the file as `name.json: $.path`; the message names it already.
            let name = URL(fileURLWithPath: file).lastPathComponent
            let path = error.path.hasPrefix(name + ": ") ? String(error.path.dropFirst(name.count + 2)) : error.path
            let detail = path.hasPrefix("$") ? "\(path): \(error.message)" : error.message
            console.error("tracefuzz corpus add: \(file): not a stored finding: \(detail)")
            return .badInput
        }
        if let fault = finding.scenario.harnessFault {
            console.error(
                "tracefuzz corpus add: \(file): not a regression: "
                    + FindingPipeline<Factory>.harnessFaultReason(fault))
            return .badInput
        }
        let tracer = fuzzer.factory.name
        if finding.tracer == tracer {
            let (outcome, attempt) = await fuzzer.replay(
                finding.scenario, seed: finding.seedValue ?? 0, attempts: attempts)
            switch outcome {
            case .failed(let result, _):
                let invariant = result.violations.first?.invariant ?? finding.invariant
                console.error(
                    "tracefuzz corpus add: \(file) still fails \(invariant) against \(tracer) "
                        + "(run \(attempt) of \(attempts)): regressions hold fixed bugs, and 'swift test' "
                        + "expects each to pass; fix the bug first")
                return .finding
            case .unsupported(let record):
                console.error(
                    "tracefuzz corpus add: \(file): cannot run on \(tracer): "
                        + (record.unsupported ?? "unsupported"))
                return .badInput
            case .passed:
                console.out("passed \(attempts) runs against \(tracer): the bug stays fixed")
            }
        } else {
            console.out("stored against \(finding.tracer), not \(tracer): added without replaying it")
        }
        let database = FailureDatabase(directory: URL(fileURLWithPath: directory))
        let name = FailureDatabase.fileName(for: finding)
        let shown = (directory.hasSuffix("/") ? directory : directory + "/") + name
        let existed = FileManager.default.fileExists(atPath: database.directory.appendingPathComponent(name).path)
        do {
            try database.save(finding)
        } catch {
            console.error("tracefuzz corpus add: cannot write \(shown): \(error.localizedDescription)")
            return .badInput
        }
        console.out(existed ? "already in \(directory): \(shown)" : "added \(shown)")
        return .clean
    }
}
