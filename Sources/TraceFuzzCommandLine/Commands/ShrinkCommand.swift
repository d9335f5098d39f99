import Foundation
import TraceFuzz

/// `tracefuzz shrink`: shrinks a failing scenario, from a seed or from a file that records its seed and
/// choice sequence, to the smallest scenario the generator can make that still fails the same invariant.
struct ShrinkCommand: Command {
    /// Runs the scenario gets before it counts as no longer failing.
    static let confirmAttempts = ReplayCommand.defaultAttempts

    static let help = CommandHelp(
        name: "shrink",
        summary:
            "Shrink a failing scenario (from a seed or a finding file) to the smallest that still fails.",
        usage: [
            "shrink --seed S [generator flags] [--budget N] [--attempts N] [--out FILE] [--database DIR]",
            "shrink FILE [--seed S] [generator flags] [--budget N] [--attempts N] [--out FILE]",
            "    [--database DIR]",
        ],
        details: """
            The scenario is replayed first (up to \(confirmAttempts) runs); if it no longer fails there
            is nothing to shrink. Shrinking edits the scenario's recorded choice sequence and regenerates,
            so every candidate is a scenario the generator could have made; a candidate is kept when it is
            smaller and still fails the same invariant within --attempts runs.

            With --seed, the scenario is regenerated from the seed and generator flags, as 'run' made it.
            With FILE, a finding that records its seed and choices (a '-shrunk.json' file from 'run', a
            failure-database entry) is shrunk further under the generator flags it records (or the ones
            given); --seed then sets only the run seed. A plain scenario file has no choices: only generated
            findings can be shrunk on their choice sequence, so it is replayed and reported as it is.

            flags:
              --seed S              the scenario's seed, decimal or 0x hex
              --budget N            run at most N candidates (default \(ShrinkFlags.defaultBudget))
              --attempts N          runs a candidate gets before it counts as passing
                                    (default \(ShrinkFlags.defaultAttempts))
              --out FILE            where the shrunk finding goes (default
                                    \(FindingWriter.defaultDirectory)/<invariant>-<seed>-shrunk.json)
              --database DIR        also save the shrunk finding to the failure database DIR

            generator flags:
            \(GeneratorFlags.help)

            Prints the shrunk finding (invariant, violations, span trees), what shrinking did ('shrunk:
            4 hops, 12 spans → 1 hop, 2 spans (57 candidates run, 6 kept)') and 'reproduce: tracefuzz
            replay FILE'. The file is a stored finding: replay, check and shrink read it, and
            'tracefuzz corpus add' takes it into Scenarios/regressions once the bug is fixed.
            Exit status: 1 it still fails (the shrunk finding printed and written), 0 it no longer fails,
            2 bad usage, a bad file or an unsupported scenario.
            """)

    /// Where the scenario comes from.
    var source: ScenarioSource
    /// The generator flags, if any were given.
    var flags = GeneratorFlags()
    /// The most candidates.
    var budget = ShrinkFlags.defaultBudget
    /// Runs per candidate.
    var attempts = ShrinkFlags.defaultAttempts
    /// Where the result goes, if not the default.
    var out: String?
    /// Where else the result is saved.
    var database = DatabaseFlags()

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        var arguments = ScenarioSource.Arguments(command: "shrink")
        while let argument = try scanner.next() {
            if try arguments.take(argument, from: &scanner) { continue }
            // A positional argument is the FILE: taken above.
            guard case .flag(let name) = argument else { continue }
            if try flags.parse(name, from: &scanner) { continue }
            switch name {
            case "budget": budget = try RunCommand.positiveInteger(name, &scanner)
            case "attempts": attempts = try RunCommand.positiveInteger(name, &scanner)
            case "out":
                let value = try scanner.value(for: name)
                if value.isEmpty { throw UsageError.option(name, "expects a file") }
                out = value
            case "database":
                guard try database.parse(name, from: &scanner) else { throw scanner.unknown(name) }
            default: throw scanner.unknown(name)
            }
        }
        try flags.validate()
        source = try arguments.source()
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        await run(context, factory: context.factory)
    }

    private func run<Factory: TracerAdapterFactory>(_ context: CommandContext, factory: Factory) async
        -> ExitStatus
    {
        let console = context.console
        let start: ShrinkStart
        do {
            start = try ShrinkStart(source, flags: flags)
        } catch {
            console.error(error.message)
            return .badInput
        }
        let fuzzer = Fuzzer(factory: factory, options: start.flags.options, runtime: context.runtime)
        let (outcome, attempt) = await fuzzer.replay(
            start.scenario, seed: start.seed.value, attempts: Self.confirmAttempts)
        let finding: Finding
        switch outcome {
        case .passed:
            console.out(
                "passed \(Self.confirmAttempts) attempts: the scenario no longer fails; nothing to shrink")
            return .clean
        case .unsupported(let record):
            let reason = record.unsupported ?? "unsupported"
            console.error("tracefuzz shrink: cannot run this scenario on \(factory.name): \(reason)")
            return .badInput
        case .failed(let result, let record):
            finding = Finding(
                seed: start.seed.value, choices: start.choices, scenario: start.scenario,
                violations: result.violations, record: record)
        }
        console.out("fails \(finding.invariant) (attempt \(attempt) of \(Self.confirmAttempts))")
        let store = database.resolved(default: nil)
        let pipeline = FindingPipeline(
            fuzzer: fuzzer, tracer: factory.name, flags: start.flags, shrink: ShrinkFlags(),
            writer: FindingWriter(directory: FindingWriter.defaultDirectory),
            database: store?.database, databaseDisplay: store?.display ?? ""
        )
        var reported = ReportedFinding(finding: finding, reproduce: start.plainReplay)
        if let note = start.unshrinkable {
            reported.shrinkNote = note
            if let out { write(pipeline.stored(finding), to: out, into: &reported) }
        } else {
            console.error("shrinking: at most \(budget) candidates, up to \(attempts) runs each…")
            let report = await fuzzer.shrinkReport(finding, budget: budget, attempts: attempts)
            reported.finding = report.shrunk
            if report.didShrink {
                reported.shrink = ShrinkSummary(report)
            } else {
                reported.shrinkNote = ShrinkSummary.noSmaller(finding.invariant, report.candidatesRun)
            }
            let name = "\(finding.invariant)-\(start.seed.hex)-shrunk.json"
            write(
                pipeline.stored(report.shrunk), to: out ?? FindingWriter.defaultDirectory + "/" + name,
                into: &reported)
            if let path = reported.scenarioPath {
                reported.reproduce = ReportedFinding.replayFileCommand(path)
                if report.didShrink { reported.original = start.plainReplay }
            }
        }
        pipeline.save(&reported)
        console.out()
        for line in reported.lines { console.out(line) }
        return .finding
    }

    /// Writes `stored` to `path` atomically (a temporary file, then a rename), recording where it went or
    /// why it could not.
    private func write(_ stored: StoredFinding, to path: String, into reported: inout ReportedFinding) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FindingWriter.data(for: stored).write(to: url, options: .atomic)
            reported.scenarioPath = path
        } catch {
            reported.writeError = "cannot write \(path): \(error.localizedDescription)"
        }
    }
}
