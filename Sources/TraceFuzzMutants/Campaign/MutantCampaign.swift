import TraceFuzz

/// Runs every mutant of the catalog against the default generator and records how fast each is killed
/// and how small its shrunk reproduction is.
///
/// Every mutant fuzzes from the same seed with the same ``GeneratorOptions`` (the defaults): the
/// campaign measures the generator, so it is never tailored to a mutant.
///
/// ```swift
/// let campaign = MutantCampaign(seed: 1, budget: .time(.seconds(30)))
/// for result in await campaign.run() { print(result.id, result.killed, result.seconds) }
/// ```
public struct MutantCampaign: Sendable {
    /// The mutants to run, in order.
    public var mutants: [Mutant]
    /// The first scenario's seed, for every mutant.
    public var seed: UInt64
    /// How long each mutant is fuzzed before it counts as surviving.
    public var budget: FuzzBudget
    /// The generator options: the defaults.
    public var options: GeneratorOptions
    /// Where scenarios run.
    public var runtime: any ScenarioRuntime
    /// The most candidates the shrinker runs per finding; 0 skips shrinking.
    public var shrinkBudget: Int
    /// How long to look for a finding that reproduces when the first one does not.
    public var reproductionSearch = Duration.seconds(10)
    /// How long to keep looking for another finding to shrink when the shrunk ones are still larger than
    /// the catalog's target (2 hops, 6 spans); the smallest shrunk reproduction is reported.
    public var shrinkSearch = Duration.seconds(20)
    /// How a shrink candidate must fail to be kept: races do not fail every run, and a candidate that
    /// fails once in many runs would let the shrinker drift towards scenarios that hardly ever fail.
    public var reproduction: Reproduction

    /// Creates a campaign over `mutants` (by default the whole catalog).
    public init(
        mutants: [Mutant] = MutantCatalog.all, seed: UInt64, budget: FuzzBudget,
        options: GeneratorOptions = GeneratorOptions(), runtime: any ScenarioRuntime = RealRuntime(),
        shrinkBudget: Int = 300, reproduction: Reproduction = Reproduction()
    ) {
        self.mutants = mutants
        self.seed = seed
        self.budget = budget
        self.options = options
        self.runtime = runtime
        self.shrinkBudget = shrinkBudget
        self.reproduction = reproduction
    }

    /// Runs every mutant in turn; `progress` is called with each result as it is ready.
    public func run(progress: @Sendable (MutantResult) -> Void = { _ in }) async -> [MutantResult] {
        var results: [MutantResult] = []
        for mutant in mutants {
            let result = await run(mutant)
            progress(result)
            results.append(result)
        }
        return results
    }

    /// Fuzzes one mutant until its first finding or the end of the budget, then shrinks the finding.
    public func run(_ mutant: Mutant) async -> MutantResult {
        if let reason = mutant.unavailable { return .skipped(mutant.id, reason: reason) }
        let runtime: any ScenarioRuntime
        switch plantedRuntime(mutant) {
        case .success(let planted): runtime = planted
        case .failure(let reason): return .skipped(mutant.id, reason: reason.message)
        }
        return await run(mutant.id, factory: mutant.factory, runtime: runtime)
    }

    /// The campaign's runtime with the mutant's child defect planted, when it has one: that needs the
    /// real runtime, and for a broken worker the `tracefuzz` executable.
    func plantedRuntime(_ mutant: Mutant) -> Result<any ScenarioRuntime, SkipReason> {
        guard mutant.child != nil else { return .success(runtime) }
        guard let real = runtime as? RealRuntime else {
            return .failure(SkipReason(message: "its defect is in child processes, which only RealRuntime starts"))
        }
        do {
            return .success(try mutant.plantedRuntime(real))
        } catch {
            return .failure(SkipReason(message: error.description))
        }
    }

    /// Why a mutant could not run.
    struct SkipReason: Error {
        let message: String
    }

    private func run<Factory: TracerAdapterFactory>(
        _ id: String, factory: Factory, runtime: any ScenarioRuntime
    ) async -> MutantResult {
        let fuzzer = Fuzzer(factory: factory, options: options, runtime: runtime)
        let report = await fuzzer.run(seed: seed, budget: budget, stopAtFirstFinding: true)
        let statistics = report.statistics
        guard let finding = report.findings.first else {
            return MutantResult(
                id: id, killed: false, scenarios: statistics.scenarios, seconds: statistics.seconds)
        }
        var result = MutantResult(
            id: id, killed: true, scenarios: statistics.scenarios, seconds: statistics.seconds,
            invariant: finding.invariant, message: finding.violations.first?.message, seed: finding.seed,
            found: ScenarioSize(finding.scenario),
            scenario: finding.scenario)
        guard shrinkBudget > 0, finding.record.hang == nil else { return result }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + shrinkSearch
        var next = await reproducible(finding, fuzzer: fuzzer)
        var best: (finding: Finding, scenario: Scenario)?
        // A race found in a large scenario may stop failing as soon as anything is taken out of it; another
        // finding of the same bug may shrink where this one could not. Look for one while time is left.
        while let current = next {
            let shrunk = await shrink(current, fuzzer: fuzzer) ?? current.scenario
            if best.map({ Self.smaller(shrunk, than: $0.scenario) }) ?? true { best = (current, shrunk) }
            let size = ScenarioSize(shrunk)
            guard size.hops > Self.targetSize.hops || size.spans > Self.targetSize.spans,
                clock.now < deadline, let seed = current.seed
            else { break }
            let report = await fuzzer.run(
                seed: seed &+ 1, budget: .time(deadline - clock.now), stopAtFirstFinding: true)
            guard let another = report.findings.first, another.record.hang == nil else { break }
            next = await reproducible(another, fuzzer: fuzzer)
        }
        if let best {
            result.invariant = best.finding.invariant
            result.message = best.finding.violations.first?.message
            result.seed = best.finding.seed
            result.found = ScenarioSize(best.finding.scenario)
            result.scenario = best.scenario
        }
        result.shrunk = result.scenario.map(ScenarioSize.init)
        result.shrinkSeconds = Self.seconds(clock.now - start)
        return result
    }

    /// The catalog's target for a shrunk reproduction: at most 2 hops and 6 spans.
    static let targetSize = (hops: 2, spans: 6)

    /// Whether `scenario` has fewer spans than `other`, or as many and fewer hops.
    static func smaller(_ scenario: Scenario, than other: Scenario) -> Bool {
        let (size, otherSize) = (ScenarioSize(scenario), ScenarioSize(other))
        return (size.spans, size.hops) < (otherSize.spans, otherSize.hops)
    }

    /// The first finding if it reproduces, else the next finding that does (a race the first finding
    /// hit once may hardly ever fail again), searching for at most `reproductionSearch`.
    private func reproducible<Factory>(_ first: Finding, fuzzer: Fuzzer<Factory>) async -> Finding? {
        let clock = ContinuousClock()
        let deadline = clock.now + reproductionSearch
        var finding = first
        while true {
            guard let seed = finding.seed else { return nil }
            if await reproduction.fails(
                finding.scenario, invariant: finding.invariant, seed: seed, fuzzer: fuzzer)
            {
                return finding
            }
            let left = deadline - clock.now
            guard left > .zero else { return nil }
            let report = await fuzzer.run(seed: seed &+ 1, budget: .time(left), stopAtFirstFinding: true)
            guard let next = report.findings.first, next.record.hang == nil else { return nil }
            finding = next
        }
    }

    /// The smallest scenario found that still fails the finding's invariant reliably, or `nil` if
    /// shrinking made no progress that reproduces. A race can pass the shrinker's bar by luck and then
    /// fail to reproduce; shrinking is then tried again, up to three times.
    private func shrink<Factory>(_ finding: Finding, fuzzer: Fuzzer<Factory>) async -> Scenario? {
        guard let seed = finding.seed, let choices = finding.choices else { return nil }
        let invariant = finding.invariant
        let reproduction = self.reproduction
        let shrinker = Shrinker(generator: fuzzer.generator, budget: shrinkBudget) { scenario in
            await reproduction.fails(scenario, invariant: invariant, seed: seed, fuzzer: fuzzer)
                ? invariant : nil
        }
        let start = fuzzer.generator.generate(replaying: choices, seed: seed)
        for _ in 1...3 {
            let result = await shrinker.shrink(start, invariant: invariant)
            guard result.improvements > 0 else { return nil }
            let shrunk = result.scenario.scenario
            if await reproduction.fails(shrunk, invariant: invariant, seed: seed, fuzzer: fuzzer) {
                return shrunk
            }
        }
        return nil
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
