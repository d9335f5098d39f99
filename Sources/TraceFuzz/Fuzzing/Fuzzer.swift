/// Generates, runs and checks scenarios against a tracer, one seed after another.
///
/// Scenario `k` of a run started at seed `S` has seed `S + k`, so `replay --seed` with a finding's seed
/// regenerates the same scenario. With a `seedStride` of `n`, scenario `k` has seed `S + k·n` instead:
/// `n` runs from `S, S+1, …, S+n-1` with stride `n` cover disjoint seeds (shards of one seed space).
///
/// ```swift
/// let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory())
/// let report = await fuzzer.run(seed: 42, budget: .iterations(200))
/// print(report.statistics.scenarios, report.findings.count)
/// ```
public struct Fuzzer<Factory: TracerAdapterFactory>: Sendable {
    /// Makes a fresh adapter for every run.
    public var factory: Factory
    /// The scenario generator.
    public var generator: ScenarioGenerator
    /// Where scenarios run.
    public var runtime: any ScenarioRuntime
    /// The invariants checked.
    public var checker: Checker

    /// Creates a fuzzer. The generator gets `options` fitted to what the tracer can do
    /// (``GeneratorOptions/fitted(to:)``), so it makes only scenarios the tracer can run.
    public init(
        factory: Factory, options: GeneratorOptions = GeneratorOptions(), runtime: any ScenarioRuntime = RealRuntime(),
        checker: Checker = Checker()
    ) {
        self.factory = factory
        self.generator = ScenarioGenerator(options: options.fitted(to: factory.capabilities))
        self.runtime = runtime
        self.checker = checker
    }

    /// Fuzzes from `seed` until the budget is spent or, if `stopAtFirstFinding`, a finding turns up.
    /// Scenario `k` has seed `seed + k * seedStride` (wrapping). `progress` is called after every scenario.
    ///
    /// ```swift
    /// // Shard 1 of 4: seeds 101, 105, 109, …
    /// let report = await fuzzer.run(seed: 101, budget: .time(.seconds(60)), seedStride: 4)
    /// ```
    public func run(
        seed: UInt64, budget: FuzzBudget, stopAtFirstFinding: Bool = true, seedStride: UInt64 = 1,
        progress: @Sendable (FuzzStatistics) -> Void = { _ in }
    ) async -> FuzzReport {
        var report = FuzzReport()
        let clock = ContinuousClock()
        let start = clock.now
        var index: UInt64 = 0
        while true {
            if budget.isSpent(scenarios: index, elapsed: clock.now - start) { break }
            let scenarioSeed = seed &+ index &* seedStride
            index += 1
            let generated = generator.generate(seed: scenarioSeed)
            let outcome = await check(generated.scenario, seed: scenarioSeed)
            report.statistics.count(generated.scenario)
            report.statistics.seconds = Self.seconds(clock.now - start)
            switch outcome {
            case .unsupported(let record):
                report.statistics.unsupported += 1
                report.statistics.unsupportedReasons[record.unsupported ?? "no reason given", default: 0] += 1
            case .passed(let result, let record):
                report.statistics.count(result, record: record)
            case .failed(let result, let record):
                report.statistics.count(result, record: record)
                report.statistics.findings += 1
                report.findings.append(
                    Finding(
                        seed: scenarioSeed, choices: generated.choices, scenario: generated.scenario,
                        violations: result.violations, record: record))
            }
            progress(report.statistics)
            if stopAtFirstFinding && !report.findings.isEmpty { break }
            if report.findings.last?.record.hang != nil { break }
        }
        report.statistics.seconds = Self.seconds(clock.now - start)
        return report
    }

    /// Runs one scenario once and checks it.
    public func check(_ scenario: Scenario, seed: UInt64) async -> RunOutcome {
        let record = await runtime.run(scenario, factory: factory, seed: seed)
        if record.unsupported != nil { return .unsupported(record) }
        let result = checker.check(scenario, record: record)
        return result.passed ? .passed(result, record) : .failed(result, record)
    }

    /// Runs a scenario up to `attempts` times, stopping at the first failure: races do not fail every
    /// run, so a replay tries several times.
    public func replay(_ scenario: Scenario, seed: UInt64, attempts: Int) async -> (outcome: RunOutcome, attempts: Int) {
        var last = RunOutcome.unsupported(RunRecord())
        for attempt in 1...max(attempts, 1) {
            last = await check(scenario, seed: seed)
            switch last {
            case .failed, .unsupported: return (last, attempt)
            case .passed: continue
            }
        }
        return (last, max(attempts, 1))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// The result of running and checking one scenario once.
public enum RunOutcome: Sendable {
    /// Every invariant held.
    case passed(CheckResult, RunRecord)
    /// Something broke.
    case failed(CheckResult, RunRecord)
    /// The adapter could not run the scenario (see ``RunRecord/unsupported``).
    case unsupported(RunRecord)

    /// The run's record.
    public var record: RunRecord {
        switch self {
        case .passed(_, let record), .failed(_, let record), .unsupported(let record): record
        }
    }

    /// The violations, empty unless failed.
    public var violations: [Violation] {
        if case .failed(let result, _) = self { return result.violations }
        return []
    }
}

/// What a fuzz run found and covered.
public struct FuzzReport: Sendable {
    /// Coverage and speed.
    public var statistics = FuzzStatistics()
    /// Every finding, in the order found.
    public var findings: [Finding] = []

    /// An empty report.
    public init() {}
}

extension Fuzzer {
    /// Shrinks a generated finding: the smallest scenario found that still fails the same invariant
    /// within `attempts` runs. Findings that were not generated (no choices) come back unchanged.
    /// ``shrinkReport(_:budget:attempts:)`` also says how many candidates were run.
    public func shrink(_ finding: Finding, budget: Int = 300, attempts: Int = 3) async -> Finding {
        await shrinkReport(finding, budget: budget, attempts: attempts).shrunk
    }

    /// Shrinks a generated finding as ``shrink(_:budget:attempts:)`` does, and reports what shrinking did:
    /// the original, the result, and how many candidates were run and kept.
    ///
    /// ```swift
    /// let report = await fuzzer.shrinkReport(finding, budget: 300)
    /// print(report.candidatesRun, report.didShrink, report.shrunk.scenario)
    /// ```
    public func shrinkReport(_ finding: Finding, budget: Int = 300, attempts: Int = 3) async -> ShrinkReport {
        guard let seed = finding.seed, let choices = finding.choices else {
            return ShrinkReport(original: finding, shrunk: finding, candidatesRun: 0, improvements: 0)
        }
        let shrinker = Shrinker(generator: generator, budget: budget) { scenario in
            await self.replay(scenario, seed: seed, attempts: attempts).outcome.violations.first?.invariant
        }
        let start = GeneratedScenario(seed: seed, choices: choices, scenario: finding.scenario)
        let result = await shrinker.shrink(start, invariant: finding.invariant)
        let unchanged = ShrinkReport(
            original: finding, shrunk: finding, candidatesRun: result.candidatesRun, improvements: 0)
        guard result.improvements > 0 else { return unchanged }
        let (outcome, _) = await replay(result.scenario.scenario, seed: seed, attempts: attempts)
        guard outcome.violations.first?.invariant == finding.invariant else { return unchanged }
        let shrunk = Finding(
            seed: seed, choices: result.scenario.choices, scenario: result.scenario.scenario,
            violations: outcome.violations, record: outcome.record)
        return ShrinkReport(
            original: finding, shrunk: shrunk, candidatesRun: result.candidatesRun,
            improvements: result.improvements)
    }
}
