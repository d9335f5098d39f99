import Foundation
import TraceFuzz

/// What `run`, `stress` and `shrink` do with a finding before printing it: shrink it, write its scenario
/// file, save it to the failure database, and choose the line that reproduces it.
///
/// A shrunk scenario is no longer the one its seed generates, so a shrunk finding is written as a
/// stored finding (`<invariant>-<seed>-shrunk.json`, the failure database's format: scenario, seed,
/// choices, generator flags, tracer) and reproduced with `tracefuzz replay FILE`; the seed's own line
/// is kept as the `original`. A finding that was not shrunk is written as plain scenario JSON
/// (`<invariant>-<seed>.json`, what `tracefuzz generate` prints) and reproduced from its seed.
///
/// ```swift
/// let pipeline = FindingPipeline(fuzzer: fuzzer, tracer: "TraceCore", flags: flags, shrink: ShrinkFlags(),
///                                writer: FindingWriter(directory: "tracefuzz-findings"), database: nil)
/// let reported = await pipeline.handle(finding)   // files written; now print reported.lines
/// ```
struct FindingPipeline<Factory: TracerAdapterFactory>: Sendable {
    /// Replays candidates while shrinking.
    var fuzzer: Fuzzer<Factory>
    /// The tracer's name, stored with each finding.
    var tracer: String
    /// The generator flags the findings were made under.
    var flags: GeneratorFlags
    /// Whether and how hard to shrink.
    var shrink: ShrinkFlags
    /// Where scenario files go.
    var writer: FindingWriter
    /// Where findings are saved, if anywhere.
    var database: FailureDatabase?
    /// The database directory as shown in messages.
    var databaseDisplay = DatabaseFlags.defaultDirectory

    /// The invariant of a hang: each shrink candidate could take the whole deadline, so `run` and
    /// `stress` leave hangs to `tracefuzz shrink`.
    static var hangInvariant: String { DeadlineInvariant().name }

    /// Shrinks (unless disabled, or a hang), writes and saves `finding`; returns it ready to print.
    func handle(_ finding: Finding) async -> ReportedFinding {
        var report: ShrinkReport?
        var note: String?
        if !shrink.enabled {
            note = nil
        } else if finding.invariant == Self.hangInvariant {
            note = "a hang can take the whole deadline per candidate; shrink it with 'tracefuzz shrink'"
        } else if finding.choices == nil {
            note = "only generated findings can be shrunk on their choice sequence"
        } else {
            let shrunk = await fuzzer.shrinkReport(
                finding, budget: shrink.budget, attempts: ShrinkFlags.defaultAttempts)
            if shrunk.didShrink {
                report = shrunk
            } else {
                note = ShrinkSummary.noSmaller(finding.invariant, shrunk.candidatesRun)
            }
        }
        return complete(report?.shrunk ?? finding, shrink: report, note: note)
    }

    /// Writes and saves a finding (shrunk when `shrink` is given) and picks its reproduce line.
    func complete(_ finding: Finding, shrink report: ShrinkReport?, note: String? = nil) -> ReportedFinding {
        let seed = Seed(finding.seed ?? 0)
        let seedLine = ReportedFinding.reproduceCommand(seed: seed, flags: flags)
        var reported = ReportedFinding(finding: finding, reproduce: seedLine, shrinkNote: note)
        if let report {
            reported.shrink = ShrinkSummary(report)
            reported.original = seedLine
            let name = "\(finding.invariant)-\(seed.hex)-shrunk.json"
            do {
                reported.scenarioPath = try writer.write(
                    FindingWriter.data(for: stored(finding)), named: name)
            } catch {
                reported.writeError = error.message
            }
        } else {
            do {
                reported.scenarioPath = try writer.write(finding)
            } catch {
                reported.writeError = error.message
            }
        }
        save(&reported)
        if report != nil {
            if let path = reported.scenarioPath ?? reported.savedPath {
                reported.reproduce = ReportedFinding.replayFileCommand(path)
            } else {
                // Neither file was written: only the seed is left, and it makes the unshrunk scenario.
                reported.reproduce = seedLine + "  (the unshrunk scenario)"
                reported.original = nil
            }
        }
        return reported
    }

    /// The finding as the failure database stores it.
    func stored(_ finding: Finding) -> StoredFinding {
        StoredFinding(finding, tracer: tracer, options: flags.options)
    }

    /// Saves the reported finding to the database, if there is one, recording the entry or the error.
    func save(_ reported: inout ReportedFinding) {
        guard let database else { return }
        let entry = stored(reported.finding)
        let name = FailureDatabase.fileName(for: entry)
        let prefix = databaseDisplay.hasSuffix("/") ? databaseDisplay : databaseDisplay + "/"
        reported.alreadySaved = FileManager.default.fileExists(
            atPath: database.directory.appendingPathComponent(name).path)
        do {
            try database.save(entry)
            reported.savedPath = prefix + name
        } catch {
            reported.saveError = "cannot write \(prefix)\(name): \(error.localizedDescription)"
        }
    }
}
