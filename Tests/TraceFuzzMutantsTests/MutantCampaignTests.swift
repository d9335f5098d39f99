import Testing
import TraceFuzz
import TraceFuzzMutants

/// Every in-process mutant is killed from a fixed seed within a small budget, and its shrunk finding
/// still breaks the same invariant; the intact building blocks and TraceCore pass the same budget.
/// Serialized: a campaign fuzzes races, and sixteen campaigns at once change the very interleavings each
/// one found and shrank (a shrunk race found under one load may not recur under another).
@Suite("Mutant campaign", .serialized)
struct MutantCampaignTests {
    /// The fixed seed every test fuzzes from.
    static let seed: UInt64 = 1
    /// Scenarios per mutant: the release campaign needs far fewer; a debug build is slower.
    static let scenarios = 300

    static let runnable = MutantCatalog.all.filter { $0.unavailable == nil }

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
        let campaign = MutantCampaign(
            mutants: [mutant], seed: Self.seed, budget: .iterations(Self.scenarios), shrinkBudget: 60)
        let result = await campaign.run(mutant)
        #expect(result.killed, "\(id) survived \(result.scenarios) scenarios")
        let shrunk = try #require(result.scenario)
        let invariant = try #require(result.invariant)
        let seed = result.seed ?? Self.seed
        let reproduces = await Self.reproduces(shrunk, invariant, seed: seed, factory: mutant.factory)
        #expect(reproduces, "\(id): the shrunk scenario no longer breaks \(invariant)")
        #expect(
            mutant.invariants.contains(invariant),
            "\(id) was killed by \(invariant) at seed \(result.seed ?? 0): \(result.message ?? "")")
    }

    /// Whether `scenario` still breaks `invariant` in one of 30 runs (races do not fail every run).
    static func reproduces(
        _ scenario: Scenario, _ invariant: String, seed: UInt64, factory: some TracerAdapterFactory
    ) async -> Bool {
        await Reproduction(required: 1, attempts: 30).fails(
            scenario, invariant: invariant, seed: seed, fuzzer: Fuzzer(factory: factory))
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
