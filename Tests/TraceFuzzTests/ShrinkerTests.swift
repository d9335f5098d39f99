import Testing
import TraceFuzz

@Suite("Shrinker")
struct ShrinkerTests {
    @Test("a lost context shrinks to one hop and two spans, still failing right-parent")
    func shrinksLostContext() async throws {
        var options = GeneratorOptions()
        options.strategyWeights = [.fresh: 1]
        options.executorWeights = [.pool: 1, .dispatchSerial: 1, .thread: 1]
        let fuzzer = Fuzzer(factory: PlantedAdapterFactory(bug: .restoreIgnoresContext), options: options)
        let report = await fuzzer.run(seed: 9, budget: .iterations(200))
        let finding = try #require(report.findings.first)
        #expect(finding.invariant == "right-parent")
        let shrunk = await fuzzer.shrink(finding, budget: 400)
        let before = Shape(finding.scenario)
        let after = Shape(shrunk.scenario)
        #expect(shrunk.invariant == "right-parent")
        #expect(after.hops == 1, "\(shrunk.scenario)")
        #expect(after.spans == 2, "\(shrunk.scenario)")
        #expect(after.spans <= before.spans && after.hops <= before.hops)
        // The shrunk scenario is one the generator makes from its own choices.
        let regenerated = fuzzer.generator.generate(replaying: try #require(shrunk.choices), seed: 9)
        #expect(regenerated.scenario == shrunk.scenario)
    }
}
