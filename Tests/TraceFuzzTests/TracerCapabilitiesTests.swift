import Foundation
import Testing
import TraceCore
import TraceFuzz

/// The generator makes only scenarios a tracer can run, by what its factory declares, and a budget of a
/// count and a time ends at whichever comes first.
@Suite("Tracer capabilities")
struct TracerCapabilitiesTests {
    /// TraceCore without an executor of its own.
    struct NoPool: ForwardingTracerAdapter {
        let base: TraceCoreAdapter
        func propagatingExecutor(width: Int) -> (any WorkExecutor)? { nil }
    }

    /// TraceCore without an executor of its own, declaring what it likes.
    struct Declaring: TracerAdapterFactory {
        let capabilities: TracerCapabilities
        var name: String { "TraceCore (declaring less)" }
        func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) async -> NoPool {
            NoPool(base: TraceCoreAdapter(instances: instances, seed: seed))
        }
    }

    /// The executors of every hop in `steps`, nested ones included.
    static func executors(in steps: [Step]) -> Set<ExecutorKind> {
        var found: Set<ExecutorKind> = []
        for step in steps {
            switch step {
            case .span(let span): found.formUnion(executors(in: span.children))
            case .hop(let hop):
                found.insert(hop.executor)
                for task in hop.tasks { found.formUnion(executors(in: task)) }
            default: break
            }
        }
        return found
    }

    /// Every executor and processor kind in the scenarios of `seeds`.
    static func coverage(_ options: GeneratorOptions, seeds: Range<UInt64>) -> (
        executors: Set<ExecutorKind>, processors: Set<TracerInstanceConfig.Processor>, smallestQueue: Int
    ) {
        let generator = ScenarioGenerator(options: options)
        var executors: Set<ExecutorKind> = []
        var processors: Set<TracerInstanceConfig.Processor> = []
        var smallest = Int.max
        for seed in seeds {
            let scenario = generator.generate(seed: seed).scenario
            executors.formUnion(Self.executors(in: scenario.steps))
            for instance in scenario.instances {
                processors.insert(instance.processor)
                if instance.processor == .batch { smallest = min(smallest, instance.maxQueueSize) }
            }
        }
        return (executors, processors, smallest)
    }

    @Test("declaring everything leaves the options as they are, and the defaults make everything")
    func everything() {
        #expect(GeneratorOptions().fitted(to: .all) == GeneratorOptions())
        var options = GeneratorOptions()
        options.processScenarioPercent = 100
        let covered = Self.coverage(options, seeds: 0..<400)
        #expect(covered.executors.contains(.tracedPool) && covered.executors.contains(.process))
        #expect(covered.processors == [.simple, .batch])
        #expect(covered.smallestQueue <= 16)
    }

    @Test("the least a tracer can declare: no traced pool, no small queues")
    func least() {
        var options = GeneratorOptions()
        options.processScenarioPercent = 100
        let covered = Self.coverage(options.fitted(to: TracerCapabilities()), seeds: 0..<400)
        #expect(!covered.executors.contains(.tracedPool))
        #expect(covered.executors.contains(.process))
        #expect(covered.smallestQueue == 2048)
    }

    @Test("no process hops, batching only")
    func batchingOnlyNoProcesses() {
        var options = GeneratorOptions()
        options.processScenarioPercent = 100
        let capabilities = TracerCapabilities(processHops: false, simpleProcessor: false)
        let covered = Self.coverage(options.fitted(to: capabilities), seeds: 0..<400)
        #expect(!covered.executors.contains(.process))
        #expect(covered.processors == [.batch])
    }

    @Test("a fuzzer fits its generator to its factory: nothing generated is unsupported")
    func fuzzerFits() async {
        let fuzzer = Fuzzer(factory: Declaring(capabilities: TracerCapabilities(seededIDs: true, sessions: true)))
        let report = await fuzzer.run(seed: 7, budget: .iterations(150), stopAtFirstFinding: false)
        #expect(report.statistics.unsupported == 0, "\(report.statistics.unsupportedReasons)")
        #expect(report.statistics.executors[ExecutorKind.tracedPool.rawValue, default: 0] == 0)
        #expect(report.findings.isEmpty)
    }

    @Test("a scenario the tracer cannot run is unsupported, with the reason counted")
    func unsupportedReason() async {
        let fuzzer = Fuzzer(factory: Declaring(capabilities: TracerCapabilities()))
        let scenario = Scenario(steps: [.hop(HopStep(executor: .tracedPool, strategy: .none, tasks: [[.span(SpanStep(label: "a"))]]))])
        let outcome = await fuzzer.check(scenario, seed: 1)
        guard case .unsupported(let record) = outcome else {
            Issue.record("expected unsupported")
            return
        }
        #expect(record.unsupported?.contains("tracedPool") == true)
    }

    @Test("a budget of a count and a time ends at whichever comes first")
    func combinedBudget() async {
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory())
        let byCount = await fuzzer.run(seed: 1, budget: FuzzBudget(iterations: 5, time: .seconds(600)))
        #expect(byCount.statistics.scenarios == 5)
        let byTime = await fuzzer.run(seed: 1, budget: FuzzBudget(iterations: 1_000_000, time: .milliseconds(1)))
        #expect(byTime.statistics.scenarios >= 1 && byTime.statistics.scenarios < 1_000_000)
        #expect(FuzzBudget(iterations: 3, time: .seconds(1)).isSpent(scenarios: 3, elapsed: .zero))
        #expect(FuzzBudget(iterations: 3, time: .seconds(1)).isSpent(scenarios: 1, elapsed: .seconds(2)))
        #expect(!FuzzBudget(iterations: 3, time: .seconds(1)).isSpent(scenarios: 0, elapsed: .seconds(2)))
    }

    @Test("offCooperativePool runs blocking work on another thread and returns its value")
    func offPool() async {
        let value = await offCooperativePool { () -> Int in
            usleep(1_000)
            return 42
        }
        #expect(value == 42)
    }
}
