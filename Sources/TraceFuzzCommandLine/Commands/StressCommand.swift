import TraceFuzz

/// `tracefuzz stress`: the nightly job. Fuzzes for a time budget, printing progress, keeps going after
/// findings (shrinking, writing and saving each as it turns up), optionally as one shard of several
/// machines, and ends with a summary and statistics.
struct StressCommand: Command {
    /// The default time budget.
    static let defaultTime = Duration.seconds(600)
    /// The default time between progress lines.
    static let defaultProgressInterval = Duration.seconds(10)

    static let help = CommandHelp(
        name: "stress",
        summary: "The nightly job: fuzz for a time budget, with progress, shards and reports; keep going.",
        usage: [
            "stress [--time DURATION] [--iterations N] [--shard I/N] [--seed S]",
            "    [--progress-interval DURATION] [generator flags]",
            "    [--findings-dir DIR] [--no-shrink] [--shrink-budget N] [--database DIR | --no-database]",
            "    [--junit FILE] [--report FILE] [--export-otlp FILE]",
        ],
        details: """
            Runs until the time budget is spent (shrinking included), or for --iterations scenarios,
            never stopping at a finding: each one is shrunk, written, saved to the failure database and
            printed as it turns up. Progress goes to stderr every --progress-interval:
            '[1m10s/10m] 35,210 scenarios, 503/s, 1 finding, 8m50s left'.

            Shards: shard I of N (0 <= I < N) runs seeds S+I, S+I+N, S+I+2N, … of a run from seed S, so N
            machines given the same --seed and --shard 0/N … N-1/N cover disjoint seeds (--shard needs
            --seed).

            flags:
              --time DURATION       the whole session's budget: 500ms, 30s, 10m, 1h
                                    (default \(defaultTime.commandLineForm))
              --iterations N        run at most N scenarios (alone, a smoke run of the nightly setup:
                                    the same seeds every time); with --time, whichever comes first
              --shard I/N           run shard I of N (default 0/1: every seed)
              --seed S              first seed, decimal or 0x hex (default: random, printed)
              --progress-interval DURATION
                                    time between progress lines
                                    (default \(defaultProgressInterval.commandLineForm))
              --findings-dir DIR    where failing scenarios go (default \(FindingWriter.defaultDirectory))
            \(ShrinkFlags.help)
            \(DatabaseFlags.help)
            \(ReportFlags.help)

            generator flags:
            \(GeneratorFlags.help)

            Exit status: 0 clean, 1 any finding or regression, 2 bad usage (or a report file not written).
            SIGINT or SIGTERM stops it gracefully: no new scenario starts, the one in flight finishes,
            shrinking gives up, and every report and the summary are written; then exit 130 (SIGINT) or
            143 (SIGTERM). A second signal ends it at once.
            """)

    /// The first seed, or `nil` for a random one.
    var seed: Seed?
    /// The whole session's budget: a duration (shrinking included), or a number of scenarios.
    var budget = FuzzBudget.time(StressCommand.defaultTime)
    /// Which seeds this machine runs.
    var shard = Shard.whole
    /// Time between progress lines.
    var progressInterval = StressCommand.defaultProgressInterval
    /// Where findings go.
    var findingsDirectory = FindingWriter.defaultDirectory
    /// The generator flags.
    var flags = GeneratorFlags()
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
            case "json":
                throw UsageError.option(name, "expects a file: stress prints text and writes its JSON report to FILE")
            case "seed": seed = try RunCommand.seed(&scanner)
            case "progress-interval":
                progressInterval = try scanner.value(
                    for: name, expected: BudgetFlags.durationExpected, Duration.init(parsing:))
            case "shard":
                shard = try scanner.value(for: name, expected: "I/N with 0 <= I < N, such as 0/4") {
                    Shard(parsing: $0)
                }
            case "findings-dir":
                findingsDirectory = try scanner.value(for: name)
                if findingsDirectory.isEmpty { throw UsageError.option(name, "expects a directory") }
            default: throw scanner.unknown(name)
            }
        }
        budget = try budgetFlags.budget(or: budget)
        if shard.count > 1 && seed == nil {
            throw UsageError("--shard needs --seed: every shard must start from the same seed")
        }
        try flags.validate()
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        await run(context, factory: context.factory)
    }

    private func run<Factory: TracerAdapterFactory>(_ context: CommandContext, factory: Factory) async
        -> ExitStatus
    {
        let console = context.console
        let seed = self.seed ?? context.randomSeed()
        if self.seed == nil { console.out("seed \(seed.hex) (random; repeat with --seed \(seed.hex))") }
        console.out(header(tracer: factory.name, seed: seed))
        let progress = StressProgress(console: console, interval: progressInterval.seconds, budget: budget)
        guard
            let session = await FuzzSession.start(
                "stress", factory: factory, flags: flags, shrink: shrink, findingsDirectory: findingsDirectory,
                database: database, context: context)
        else { return .badInput }
        let (fuzzer, pipeline, replay) = (session.fuzzer, session.pipeline, session.replay)
        var reported = replay?.regressions ?? []
        if let replay {
            console.out(replay.summary)
            progress.addFindings(replay.regressions.count)
            for regression in replay.regressions {
                console.out()
                for line in regression.lines { console.out(line) }
            }
        }
        var statistics = FuzzStatistics()
        var next = shard.firstSeed(from: seed.value)
        let interruption = context.watchSignals()
        let stride = shard.stride
        while interruption?.isRequested != true, let left = remaining(after: statistics, elapsed: progress.elapsed) {
            let start = next
            let stretch = await Interruption.guarding(interruption) {
                await fuzzer.run(seed: start, budget: left, stopAtFirstFinding: true, seedStride: stride) {
                    progress.update($0)
                }
            }
            progress.settle(stretch.statistics)
            statistics.merge(stretch.statistics)
            next = next &+ UInt64(stretch.statistics.scenarios) &* shard.stride
            for finding in stretch.findings {
                let what = "\(finding.invariant) in scenario \(Seed(finding.seed ?? 0).hex)"
                progress.note(shrink.enabled ? "finding: \(what); shrinking…" : "finding: \(what)")
                let entry = await Interruption.guarding(interruption) { await pipeline.handle(finding) }
                console.out()
                for line in entry.lines { console.out(line) }
                reported.append(entry)
            }
        }
        statistics.seconds = progress.elapsed
        var status: ExitStatus = ExitStatus(stoppedBy: interruption?.signal) ?? (reported.isEmpty ? .clean : .finding)
        let unwritten = ReportFiles(flags: reports).write(
            junit: JUnitReport(
                statistics: statistics, failures: reported.map(\.junitFailure), tracer: factory.name,
                options: flags.options, suiteName: "tracefuzz-stress"),
            report: ReportDocument(
                command: "stress", tracer: factory.name, seed: seed, shard: shard, flags: flags,
                statistics: statistics, findings: reported, database: replay, status: status),
            firstFinding: reported.first?.finding, console: console)
        if unwritten > 0 && status == .clean { status = .badInput }
        console.out()
        if let line = interruption?.summaryLine { console.out(line) }
        for line in summary(statistics, reported) { console.out(line) }
        return status
    }

    /// What is left of the budget after `done` and `elapsed` seconds, or `nil` when it is spent.
    func remaining(after done: FuzzStatistics, elapsed: Double) -> FuzzBudget? {
        if let limit = budget.time, elapsed >= limit.seconds { return nil }
        if let count = budget.iterations, done.scenarios >= count { return nil }
        return FuzzBudget(
            iterations: budget.iterations.map { $0 - done.scenarios },
            time: budget.time.map { .seconds($0.seconds - elapsed) })
    }

    /// `stress: fuzzing TraceCore from seed 0x2a for 10m, shard 1/4 (seeds 0x2b, 0x2f, 0x33, …)`.
    func header(tracer: String, seed: Seed) -> String {
        var text = "stress: fuzzing \(tracer) from seed \(seed.hex) for \(StressProgress.describe(budget))"
        if shard.count > 1 {
            let seeds = (0..<3).map {
                Seed(shard.firstSeed(from: seed.value) &+ UInt64($0) &* shard.stride).hex
            }
            text += ", shard \(shard) (seeds \(seeds.joined(separator: ", ")), …)"
        }
        if !flags.isDefault { text += " (\(flags.commandLine.joined(separator: " ")))" }
        return text
    }

    /// The closing summary: one line, each finding's reproduce line, then the statistics.
    func summary(_ statistics: FuzzStatistics, _ reported: [ReportedFinding]) -> [String] {
        let count = reported.count == 1 ? "1 finding" : "\(reported.count) findings"
        var lines = [
            "stress summary: \(Format.grouped(statistics.scenarios)) scenarios in "
                + "\(Format.clock(statistics.seconds)), \(count)"
                + (shard.count > 1 ? ", shard \(shard)" : "")
        ]
        if !reported.isEmpty {
            let rows = reported.map { entry in
                [
                    entry.regressionOf == nil ? entry.finding.invariant : "regression",
                    Seed(entry.finding.seed ?? 0).hex,
                    entry.reproduce,
                ]
            }
            lines += Format.table(rows)
        }
        lines.append("")
        lines += StatisticsSummary.lines(statistics, options: flags.options)
        return lines
    }
}
