import Testing
import TraceFuzz
import TraceFuzzMutants

/// Every mutant, in-process and across processes, is killed from a fixed seed within a small budget, and
/// its shrunk finding still breaks the same invariant; the intact building blocks and TraceCore pass the
/// same budget.
/// Serialized: a campaign fuzzes races, and twenty campaigns at once change the very interleavings each
/// one found and shrank (a shrunk race found under one load may not recur under another).
@Suite("Mutant campaign", .serialized)
struct MutantCampaignTests {
    /// The fixed seed every test fuzzes from.
    static let seed: UInt64 = 1
    /// Scenarios for the controls and TraceCore: the release campaign kills every mutant in fewer.
    static let scenarios = 300
    /// The most scenarios a mutant may take to die. The search stops at the first finding, so this only
    /// costs time when a race is slow to show; process rows need a scenario with a process hop (about 3%).
    static let killBudget = 2_000

    static let runnable = MutantCatalog.all.filter { $0.unavailable == nil }

    @Test("every catalog row runs in this build: none is unavailable")
    func everyRowRuns() {
        #expect(Self.runnable.map(\.id) == MutantCatalog.ids)
    }

    @Test("the catalog has one mutant per row, with unique ids")
    func catalogIsComplete() {
        #expect(MutantCatalog.all.count == 20)
        #expect(Set(MutantCatalog.ids).count == 20)
    }

    @Test(
        "the mutant is killed, and its shrunk finding breaks the same invariant",
        arguments: runnable.map(\.id))
    func killed(_ id: String) async throws {
        let mutant = try #require(MutantCatalog.mutant(id))
        var campaign = MutantCampaign(
            mutants: [mutant], seed: Self.seed, budget: .iterations(Self.killBudget), shrinkBudget: 60)
        // This test asserts that the shrunk finding still fails, not how small it got: a short search.
        campaign.shrinkSearch = .seconds(2)
        let result = await campaign.run(mutant)
        #expect(result.killed, "\(id) survived \(result.scenarios) scenarios")
        let shrunk = try #require(result.scenario)
        let invariant = try #require(result.invariant)
        let seed = result.seed ?? Self.seed
        let reproduces = await Self.reproduces(
            shrunk, invariant, seed: seed, factory: mutant.factory, runtime: try mutant.plantedRuntime())
        #expect(reproduces, "\(id): the shrunk scenario no longer breaks \(invariant)")
        #expect(
            mutant.invariants.contains(invariant),
            "\(id) was killed by \(invariant) at seed \(result.seed ?? 0): \(result.message ?? "")")
    }

    /// Whether `scenario` still breaks `invariant` in one of 30 runs (races do not fail every run).
    static func reproduces(
        _ scenario: Scenario, _ invariant: String, seed: UInt64, factory: some TracerAdapterFactory,
        runtime: RealRuntime
    ) async -> Bool {
        await Reproduction(required: 1, attempts: 30).fails(
            scenario, invariant: invariant, seed: seed, fuzzer: Fuzzer(factory: factory, runtime: runtime))
    }

    /// Mutants whose controls cover every building block: TraceCore as the mutants wire it with their
    /// pool, their own context manager, and their two-stage batch processor.
    static let controls = ["pool-no-propagation", "pooled-thread-leak", "flush-misses-in-flight"]

    @Test("no false positives: TraceCore passes the same budget")
    func traceCorePasses() async {
        await Self.expectClean(TraceCoreAdapterFactory())
    }

    @Test(
        "no false positives: the mutant's control (the defect taken out) passes the same budget",
        arguments: controls)
    func controlPasses(_ id: String) async throws {
        let mutant = try #require(MutantCatalog.mutant(id))
        await Self.expectClean(mutant.control)
    }

    private static func expectClean<Factory: TracerAdapterFactory>(_ factory: Factory) async {
        let report = await Fuzzer(factory: factory).run(seed: seed, budget: .iterations(scenarios))
        #expect(report.findings.isEmpty, "\(factory.name): \(report.findings.first?.violations ?? [])")
    }
}
