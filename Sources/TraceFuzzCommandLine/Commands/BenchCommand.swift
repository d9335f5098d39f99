import TraceFuzz

/// `tracefuzz bench`: measures the tracer's and the engine's speed, each figure next to a baseline
/// measured in the same run, and compares them with the project's targets.
struct BenchCommand: Command {
    static let help = CommandHelp(
        name: "bench",
        summary: "Measure tracer and engine speed, each figure next to a baseline from the same run.",
        usage: ["bench [--quick] [--json] [--only GROUP,GROUP]"],
        details: """
            Build with -c release before trusting a figure. Timings are figures, not pass or fail: the
            exit status is 0 unless the command line is wrong.

            flags:
              --quick               fewer iterations and rounds (a smoke test, not a measurement)
              --json                print {"figures": {NAME: {value, unit, baseline, ratio}}} and nothing else
              --only GROUPS         measure only these groups, comma-separated: tracer (tracer.*), engine
                                    (engine.* and checker.*), process (hop.*), fuzz (fuzz.*); default:
                                    all, fuzz only when --tracer selects a tracer other than TraceCore

            figures:
              tracer.nested_span_ns   start and end of a nested span (baseline: the bare loop)
              tracer.pool_task_ns     one task over a 4-worker traced pool (baseline: a plain pool)
              engine.scenarios_per_s  the fuzz loop with default settings against TraceCore
                                      (baseline: the same loop over a one-span scenario)
              engine.generate_us, engine.run_us, engine.check_us
                                      where a default scenario's time goes
              checker.spans_per_s     oracle and every invariant over a 4,160-span run
                                      (baseline: one pass filing every span by label)
              fuzz.scenarios_per_s    the fuzz loop with default settings against the selected
                                      tracer (baseline: the same loop against TraceCore)
            """)

    /// A figure the project aims for: at least or at most a value.
    struct Target: Hashable, Sendable {
        /// `true` for "at least", `false` for "at most".
        var atLeast: Bool
        /// The bound.
        var bound: Double
    }

    /// The project's targets on its 2-core machine class, release build.
    static let targets: [String: Target] = [
        "tracer.nested_span_ns": Target(atLeast: false, bound: 300),
        "tracer.pool_task_ns": Target(atLeast: false, bound: 2000),
        "engine.scenarios_per_s": Target(atLeast: true, bound: 500),
        "checker.spans_per_s": Target(atLeast: true, bound: 1_000_000),
        "fuzz.scenarios_per_s": Target(atLeast: true, bound: 150),
    ]

    /// The groups of figures `--only` can pick.
    enum Group: String, CaseIterable, Hashable, Sendable {
        /// `tracer.*`.
        case tracer
        /// `engine.*` and `checker.*`.
        case engine
        /// `hop.*`.
        case process
        /// `fuzz.*`: the selected tracer.
        case fuzz
    }

    /// Whether to run short.
    var quick = false
    /// Whether to print JSON.
    var json = false
    /// The groups to measure; `nil` for the default.
    var groups: Set<Group>?

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        while let argument = try scanner.next() {
            switch argument {
            case .positional(let value): throw UsageError("unexpected argument '\(value)'")
            case .flag("quick"): quick = true
            case .flag("json"): json = true
            case .flag("only"): groups = try Self.groups(try scanner.value(for: "only"))
            case .flag(let name): throw scanner.unknown(name)
            }
        }
    }

    /// Parses `tracer,engine` into groups, naming the valid ones for an unknown name.
    static func groups(_ text: String) throws(UsageError) -> Set<Group> {
        var groups: Set<Group> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let group = Group(rawValue: String(name)) else {
                let valid = Group.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError.option("only", "unknown group '\(name)'; valid groups: \(valid)")
            }
            groups.insert(group)
        }
        return groups
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        if !json { context.console.error(quick ? "measuring (quick)…" : "measuring: about a minute…") }
        let selectedIsTraceCore = context.factory is TraceCoreAdapterFactory
        let groups = self.groups ?? Set(Group.allCases.filter { $0 != .fuzz || !selectedIsTraceCore })
        var figures: [BenchmarkFigure] = []
        if groups.contains(.fuzz) {
            figures.append(await EngineBenchmarks.selectedTracer(context.factory, runtime: context.runtime, quick: quick))
        }
        if groups.contains(.tracer) { figures += TracerBenchmarks.measure(quick: quick) }
        if groups.contains(.engine) { figures += await EngineBenchmarks.measure(quick: quick) }
        if groups.contains(.process) { figures += await ProcessBenchmarks.measure(quick: quick) }
        if json {
            context.console.writeOutput(BenchDocument(figures).encoded())
        } else {
            for line in Self.lines(figures) { context.console.out(line) }
        }
        return .clean
    }

    /// The human-readable table: figure, value, unit, baseline, ratio, target.
    static func lines(_ figures: [BenchmarkFigure]) -> [String] {
        var rows = [["figure", "value", "unit", "baseline", "", "ratio", "target"]]
        for figure in figures {
            var target = ""
            if let goal = targets[figure.name] {
                let met = goal.atLeast ? figure.value >= goal.bound : figure.value <= goal.bound
                target = "\(goal.atLeast ? ">=" : "<=") \(number(goal.bound)) \(met ? "met" : "MISSED")"
            }
            rows.append([
                figure.name, number(figure.value), figure.unit, figure.baselineName ?? "",
                figure.baselineValue.map(number) ?? "", figure.ratio.map { Format.fixed($0, 2) + "x" } ?? "",
                target,
            ])
        }
        return Format.table(rows, indent: "", rightAligned: [1, 4, 5])
    }

    /// A figure with sensible precision: grouped integers from 100 up, two decimals below.
    static func number(_ value: Double) -> String {
        abs(value) >= 100 ? Format.grouped(Int(value.rounded())) : Format.fixed(value, 2)
    }
}
