import Synchronization
import Testing
import TraceFuzz

/// TraceCore, remembering the seed of every run it makes an adapter for.
private struct SeedRecordingFactory: TracerAdapterFactory {
    final class Seeds: Sendable {
        private let seeds = Mutex<[UInt64]>([])
        func append(_ seed: UInt64) { seeds.withLock { $0.append(seed) } }
        var all: [UInt64] { seeds.withLock { $0 } }
    }

    let seeds = Seeds()
    var name: String { "TraceCore (recording seeds)" }
    var capabilities: TracerCapabilities { .all }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> TraceCoreAdapter {
        seeds.append(seed)
        return TraceCoreAdapter(instances: instances, seed: seed)
    }
}

@Suite("Fuzzer seed stride")
struct FuzzerSeedStrideTests {
    private static let options: GeneratorOptions = {
        var options = GeneratorOptions()
        options.maxSpans = 3
        options.maxHops = 1
        return options
    }()

    @Test("the default stride runs seeds S, S+1, S+2, … as before")
    func defaultStride() async {
        let factory = SeedRecordingFactory()
        let report = await Fuzzer(factory: factory, options: Self.options).run(
            seed: 40, budget: .iterations(5))
        #expect(factory.seeds.all == [40, 41, 42, 43, 44])
        #expect(report.statistics.scenarios == 5)
    }

    @Test("stride n runs S, S+n, S+2n, …, wrapping at the top of the seed space")
    func stride() async {
        let factory = SeedRecordingFactory()
        _ = await Fuzzer(factory: factory, options: Self.options).run(
            seed: 7, budget: .iterations(4), seedStride: 3)
        #expect(factory.seeds.all == [7, 10, 13, 16])
        let wrapping = SeedRecordingFactory()
        _ = await Fuzzer(factory: wrapping, options: Self.options).run(
            seed: .max - 1, budget: .iterations(3), seedStride: 2)
        #expect(wrapping.seeds.all == [.max - 1, 0, 2])
    }

    @Test("n shards of one seed cover every seed of the unsharded run exactly once")
    func shardsAreDisjoint() async {
        var covered: [UInt64] = []
        for shard in 0..<3 as Range<UInt64> {
            let factory = SeedRecordingFactory()
            _ = await Fuzzer(factory: factory, options: Self.options).run(
                seed: 100 + shard, budget: .iterations(4), seedStride: 3)
            covered += factory.seeds.all
        }
        #expect(covered.sorted() == Array(100..<112))
    }

    @Test("a finding under a stride carries the seed that regenerates its scenario")
    func findingSeed() async throws {
        let fuzzer = Fuzzer(factory: PlantedAdapterFactory(bug: .exportsTwice), options: Self.options)
        let report = await fuzzer.run(seed: 5, budget: .iterations(20), seedStride: 4)
        let finding = try #require(report.findings.first)
        let seed = try #require(finding.seed)
        #expect((seed - 5) % 4 == 0)
        #expect(fuzzer.generator.generate(seed: seed).scenario == finding.scenario)
    }

    @Test("merging statistics adds every count and the time")
    func merge() async {
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory(), options: Self.options)
        let first = await fuzzer.run(seed: 1, budget: .iterations(3)).statistics
        let second = await fuzzer.run(seed: 4, budget: .iterations(2)).statistics
        let whole = await fuzzer.run(seed: 1, budget: .iterations(5)).statistics
        var merged = FuzzStatistics()
        merged.merge(first)
        merged.merge(second)
        #expect(merged.scenarios == 5)
        #expect(merged.spans == whole.spans)
        #expect(merged.executors == whole.executors)
        #expect(merged.strategies == whole.strategies)
        #expect(merged.seconds == first.seconds + second.seconds)
        #expect(merged.invariants.keys.sorted() == whole.invariants.keys.sorted())
    }
}
