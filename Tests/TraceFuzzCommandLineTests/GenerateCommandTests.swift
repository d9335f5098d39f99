import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("GenerateCommand")
struct GenerateCommandTests {
    @Test("prints the canonical JSON of the seed's scenario, the same bytes every time")
    func canonical() async throws {
        let first = await Invocation.run(["generate", "--seed", "42"])
        let second = await Invocation.run(["generate", "--seed", "0x2a"])
        #expect(first.status == .clean)
        #expect(first.output == second.output)
        #expect(first.error.isEmpty)
        let expected = ScenarioGenerator().generate(seed: 42).scenario
        #expect(first.output == String(decoding: ScenarioLoader.encode(expected), as: UTF8.self))
        #expect(try ScenarioLoader.decode(Data(first.output.utf8)) == expected)
    }

    @Test("the scenario is the one the fuzzer would run: fitted to what the tracer can do")
    func fitted() async throws {
        let factory = PoollessFactory()
        for seed in 0..<20 {
            let result = await Invocation.run(["generate", "--seed", "\(seed)"], factory: factory)
            let expected = Fuzzer(factory: factory).generator.generate(seed: UInt64(seed)).scenario
            #expect(try ScenarioLoader.decode(Data(result.output.utf8)) == expected)
            #expect(!result.output.contains("tracedPool"))
        }
    }

    @Test("generator flags shape the scenario")
    func flags() async throws {
        let result = await Invocation.run([
            "generate", "--seed", "7", "--executors", "thread", "--max-spans", "3",
        ])
        var options = GeneratorOptions()
        options.executorWeights = [.thread: 1]
        options.maxSpans = 3
        let expected = ScenarioGenerator(options: options).generate(seed: 7).scenario
        #expect(try ScenarioLoader.decode(Data(result.output.utf8)) == expected)
    }

    @Test("without --seed a random seed is used and printed on stderr only")
    func randomSeed() async throws {
        let result = await Invocation.run(["generate"], randomSeed: 0xabc)
        #expect(result.error == "seed 0xabc (random)\n")
        let expected = ScenarioGenerator().generate(seed: 0xabc).scenario
        #expect(try ScenarioLoader.decode(Data(result.output.utf8)) == expected)
    }

    @Test("a bad seed is bad usage")
    func badSeed() async {
        let result = await Invocation.run(["generate", "--seed", "0xzz"])
        #expect(result.status == .badInput)
        #expect(
            result.error.hasPrefix(
                "tracefuzz generate: --seed: expected a decimal or 0x hex seed, got '0xzz'"))
        #expect(result.output.isEmpty)
    }
}

/// TraceCore declared without an executor of its own: `tracedPool` hops are not for it.
private struct PoollessFactory: TracerAdapterFactory {
    var name: String { "TraceCore without a pool" }
    var capabilities: TracerCapabilities {
        var capabilities = TracerCapabilities.all
        capabilities.propagatingExecutor = false
        return capabilities
    }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> TraceCoreAdapter {
        TraceCoreAdapter(instances: instances, seed: seed)
    }
}
