import TraceFuzz

/// `tracefuzz run`: generates, runs and checks scenarios against the tracer, from a seed, for a number
/// of scenarios or a time budget; reports findings with the line that reproduces them, then statistics.
struct RunCommand: Command {
    /// Scenarios a run checks by default: about two seconds in a release build.
    static let defaultIterations = 1000

    static let help = CommandHelp(
        name: "run",
        summary: "Fuzz the tracer: generate, run and check scenarios; report findings and coverage.",
        usage: [
            "run [--seed S] [--iterations N] [--time DURATION] [generator flags] [--json] [--keep-going]",
            "    [--findings-dir DIR] [--quiet] [--no-shrink] [--shrink-budget N]",
            "    [--database DIR | --no-database] [--junit FILE] [--report FILE] [--export-otlp FILE]",
        ],
        details: """
            Scenario k of a run from seed S has seed S+k: 'tracefuzz replay --seed' with a finding's seed
            and the same generator flags replays that scenario.

            flags:
              --seed S              first scenario's seed, decimal or 0x hex (default: random, printed)
              --iterations N        run N scenarios (default \(defaultIterations), about 2 s in release)
              --time DURATION       run until DURATION has passed: 500ms, 30s, 5m, 1h; with
                                    --iterations, the run ends at whichever comes first
              --keep-going          do not stop at the first finding (or at a regression)
              --findings-dir DIR    where failing scenarios go (default \(FindingWriter.defaultDirectory))
              --json                print one JSON object (statistics and findings) and nothing else on stdout
                                    (with a FILE, --json FILE is --report FILE: the text stays on stdout)
              --quiet               no progress lines on stderr
            \(ShrinkFlags.help)
            \(DatabaseFlags.help)
            \(ReportFlags.help)

            generator flags:
            \(GeneratorFlags.help)

            Before fuzzing, every failure-database entry stored against this tracer is replayed
            (up to \(DatabaseReplay.defaultAttempts) runs each); one that fails again is a regression,
            reported like a finding.

            A finding is shrunk (the smallest scenario the generator can make that still fails the same
            invariant), then printed: the invariant, each violation with expected and actual, the span trees,
            'shrunk: 4 hops, 12 spans → 1 hop, 2 spans (57 candidates run, 6 kept)', and the lines that
            reproduce it. A shrunk scenario is not the one its seed makes, so it is written to
            DIR/<invariant>-<seed>-shrunk.json and reproduced with 'tracefuzz replay FILE'; the seed's line
            follows as 'original:'. Unshrunk, the scenario goes to DIR/<invariant>-<seed>.json and
            'reproduce: tracefuzz replay --seed ...' regenerates it. Each finding is then saved to the
            failure database. Files are written before anything is printed.
            Exit status: 0 clean, 1 a finding or regression, 2 bad usage (or a report file not written).
            SIGINT or SIGTERM stops it gracefully: no new scenario starts, the one in flight finishes,
            shrinking gives up, and every report and the summary are written; then exit 130 (SIGINT) or
            143 (SIGTERM). A second signal ends it at once.
            """)

    /// The first scenario's seed, or `nil` for a random one.
    var seed: Seed?
    /// How long to fuzz.
    var budget = FuzzBudget.iterations(RunCommand.defaultIterations)
    /// The generator flags.
    var flags = GeneratorFlags()
    /// Whether to print JSON.
    var json = false
    /// Whether to go on after a finding.
    var keepGoing = false
    /// Where findings go.
    var findingsDirectory = FindingWriter.defaultDirectory
    /// Whether to suppress progress lines.
    var quiet = false
    /// Whether and how hard to shrink findings.
    var shrink = ShrinkFlags()
    /// The failure database.
    var database = DatabaseFlags()
    /// The report files to write.
    var reports = ReportFlags()

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        var budgetFlags = BudgetFlags()
        while let name = try scanner.nextFlag() {
            if try flags.parse(name, from: &scanner) { continue }
            if try shrink.parse(name, from: &scanner) { continue }
            if try database.parse(name, from: &scanner) { continue }
            if try reports.parse(name, from: &scanner) { continue }
            if try budgetFlags.parse(name, from: &scanner) { continue }
            switch name {
            case "seed": seed = try Self.seed(&scanner)
            case "json": json = true
            case "keep-going": keepGoing = true
            case "quiet": quiet = true
            case "findings-dir":
                findingsDirectory = try scanner.value(for: name)
                if findingsDirectory.isEmpty { throw UsageError.option(name, "expects a directory") }
            default: throw scanner.unknown(name)
            }
        }
        budget = try budgetFlags.budget(or: budget)
        try flags.validate()
    }

    /// Reads `--seed`'s value: decimal or `0x` hex.
    static func seed(_ scanner: inout ArgumentScanner) throws(UsageError) -> Seed {
        try scanner.value(for: "seed", expected: "a decimal or 0x hex seed", Seed.init(parsing:))
    }

    /// Reads a flag's value as an integer greater than zero.
    static func positiveInteger(_ name: String, _ scanner: inout ArgumentScanner) throws(UsageError) -> Int {
        try scanner.value(for: name, expected: "a positive integer") { text -> Int? in
            guard let value = Int(text), value > 0 else { return nil }
            return value
        }
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        await run(context, factory: context.factory)
    }

    private func run<Factory: TracerAdapterFactory>(_ context: CommandContext, factory: Factory) async
        -> ExitStatus
    {
        let console = context.console
        let seed = self.seed ?? context.randomSeed()
        if self.seed == nil && !(json && quiet) {
            let note = "seed \(seed.hex) (random; repeat with --seed \(seed.hex))"
            if json { console.error(note) } else { console.out(note) }
        }
        if !json { console.out("fuzzing \(factory.name) from seed \(seed.hex), \(budgetDescription)") }
        guard
            let session = await FuzzSession.start(
                "run", factory: factory, flags: flags, shrink: shrink, findingsDirectory: findingsDirectory,
                database: database, context: context)
        else { return .badInput }
        let (fuzzer, pipeline, replay) = (session.fuzzer, session.pipeline, session.replay)
        var reported = replay?.regressions ?? []
        if let replay, !json {
            console.out(replay.summary)
            for regression in replay.regressions {
                console.out()
                for line in regression.lines { console.out(line) }
            }
        }
        var statistics = FuzzStatistics()
        let interruption = context.watchSignals()
        if reported.isEmpty || keepGoing {
            let reporter = quiet || json ? nil : ProgressReporter(console: console)
            let (budget, keepGoing) = (self.budget, self.keepGoing)
            let report = await Interruption.guarding(interruption) {
                await fuzzer.run(seed: seed.value, budget: budget, stopAtFirstFinding: !keepGoing) {
                    reporter?.update($0)
                }
            }
            statistics = report.statistics
            for finding in report.findings {
                let shrinks = shrink.enabled && finding.invariant != FindingPipeline<Factory>.hangInvariant
                if shrinks && !quiet && !json {
                    console.error(
                        "shrinking \(finding.invariant) in scenario \(Seed(finding.seed ?? 0).hex)…")
                }
                let entry = await Interruption.guarding(interruption) { await pipeline.handle(finding) }
                if !json {
                    console.out()
                    for line in entry.lines { console.out(line) }
                }
                reported.append(entry)
            }
        } else if !json {
            console.out()
            console.out("not fuzzing: a regression is a finding (--keep-going fuzzes on)")
        }
        var status: ExitStatus = ExitStatus(stoppedBy: interruption?.signal) ?? (reported.isEmpty ? .clean : .finding)
        let unwritten = ReportFiles(flags: reports).write(
            junit: JUnitReport(
                statistics: statistics, failures: reported.map(\.junitFailure), tracer: factory.name,
                options: flags.options),
            report: ReportDocument(
                command: "run", tracer: factory.name, seed: seed, flags: flags, statistics: statistics,
                findings: reported, database: replay, status: status),
            firstFinding: reported.first?.finding, console: console)
        if unwritten > 0 && status == .clean { status = .badInput }
        if json {
            let document = RunDocument(
                tracer: factory.name, seed: seed, flags: flags, statistics: statistics, findings: reported,
                status: status, database: replay)
            console.writeOutput(document.encoded())
        } else {
            console.out()
            if let line = interruption?.summaryLine { console.out(line) }
            for line in StatisticsSummary.lines(statistics, options: flags.options) {
                console.out(line)
            }
        }
        return status
    }

    /// `1000 scenarios` or `for 30s`, and the generator flags that differ from the defaults.
    var budgetDescription: String {
        var text = budget.time == nil ? budget.commandLineForm : "for \(budget.commandLineForm)"
        if !flags.isDefault { text += " (\(flags.commandLine.joined(separator: " ")))" }
        return text
    }
}
