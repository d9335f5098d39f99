import Foundation
import TraceFuzz

/// Speed figures for the engine: the fuzz loop and the checker, each next to a baseline measured in the
/// same run.
///
/// - `engine.scenarios_per_s`: `Fuzzer.run` with default generator options on the real runtime against
///   TraceCore (generate, run, check, count). Baseline `bare.scenarios_per_s`: the same fuzzer looping
///   over a one-span scenario, the harness's ceiling when a scenario has no work in it.
/// - `engine.generate_us`, `engine.run_us`, `engine.check_us`: where one default scenario's time goes
///   (mean microseconds per scenario over the same seeds, each phase timed alone). `engine.run_us` has
///   the one-span run as its baseline, `bare.run_us`.
/// - `checker.spans_per_s`: the oracle and every invariant over a run of 4,160 spans
///   (``CheckerWorkload``). Baseline `bare.index_spans_per_s`: one pass that files every exported span
///   by label in a dictionary, the least any check must do.
enum EngineBenchmarks {
    /// Runs every engine benchmark; `quick` runs fewer scenarios and rounds (for smoke tests).
    static func measure(quick: Bool) async -> [BenchmarkFigure] {
        let scenarios = quick ? 60 : 2000
        let engine = await scenariosPerSecond(count: scenarios)
        let empty = await emptyScenariosPerSecond(count: scenarios)
        let phases = await phaseMicros(count: quick ? 30 : 500)
        let workload = await CheckerWorkload.make(requests: 64)
        let rounds = quick ? 3 : 7
        let checked = median(rounds) { checkerSpansPerSecond(workload, minimumSeconds: quick ? 0.05 : 0.3) }
        let indexed = median(rounds) { indexSpansPerSecond(workload, minimumSeconds: quick ? 0.05 : 0.3) }
        return [
            BenchmarkFigure(
                name: "engine.scenarios_per_s", value: engine, unit: "scenarios/s",
                baselineName: "bare.scenarios_per_s", baselineValue: empty),
            BenchmarkFigure(name: "engine.generate_us", value: phases.generate, unit: "us"),
            BenchmarkFigure(
                name: "engine.run_us", value: phases.run, unit: "us", baselineName: "bare.run_us",
                baselineValue: phases.emptyRun),
            BenchmarkFigure(name: "engine.check_us", value: phases.check, unit: "us"),
            BenchmarkFigure(
                name: "checker.spans_per_s", value: checked, unit: "spans/s",
                baselineName: "bare.index_spans_per_s", baselineValue: indexed),
        ]
    }

    /// Scenarios per second of `Fuzzer.run` with default options, from a fixed seed.
    static func scenariosPerSecond(count: Int) async -> Double {
        await scenariosPerSecond(TraceCoreAdapterFactory(), runtime: RealRuntime(), count: count)
    }

    /// Scenarios per second of `Fuzzer.run` with default options against `factory`, from a fixed seed
    /// (findings do not stop it).
    static func scenariosPerSecond<Factory: TracerAdapterFactory>(
        _ factory: Factory, runtime: any ScenarioRuntime, count: Int, options: GeneratorOptions = GeneratorOptions()
    ) async -> Double {
        let fuzzer = Fuzzer(factory: factory, options: options, runtime: runtime)
        let report = await fuzzer.run(seed: 0xbe7c, budget: .iterations(count), stopAtFirstFinding: false)
        return report.statistics.scenariosPerSecond
    }

    /// `fuzz.scenarios_per_s`: the fuzz loop against the selected tracer, TraceCore's as its baseline,
    /// over the same seeds.
    static func selectedTracer(_ factory: any TracerAdapterFactory, runtime: any ScenarioRuntime, quick: Bool)
        async -> BenchmarkFigure
    {
        let count = quick ? 60 : 1000
        // The selected tracer's own defaults: a language driver's executors, not Swift's.
        let selected = await scenariosPerSecond(
            factory, runtime: runtime, count: count, options: TraceFuzz.ReplayCommand.tool.defaults)
        let baseline = await scenariosPerSecond(count: count)
        return BenchmarkFigure(
            name: "fuzz.scenarios_per_s", value: selected, unit: "scenarios/s",
            baselineName: "engine.scenarios_per_s", baselineValue: baseline)
    }

    /// Scenarios per second of the same loop over a scenario of one span.
    static func emptyScenariosPerSecond(count: Int) async -> Double {
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory())
        let scenario = Scenario(steps: [.span(SpanStep(label: "only"))])
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<count { _ = await fuzzer.check(scenario, seed: UInt64(index)) }
        return Double(count) / (clock.now - start).seconds
    }

    /// Mean microseconds per default scenario spent generating, running and checking, and running a
    /// one-span scenario.
    static func phaseMicros(count: Int) async -> (
        generate: Double, run: Double, check: Double, emptyRun: Double
    ) {
        let generator = ScenarioGenerator()
        let runtime = RealRuntime()
        let factory = TraceCoreAdapterFactory()
        let checker = Checker()
        let clock = ContinuousClock()
        var generate = Duration.zero
        var run = Duration.zero
        var check = Duration.zero
        for index in 0..<count {
            let seed = 0xbe7c &+ UInt64(index)
            var start = clock.now
            let scenario = generator.generate(seed: seed).scenario
            generate += clock.now - start
            start = clock.now
            let record = await runtime.run(scenario, factory: factory, seed: seed)
            run += clock.now - start
            start = clock.now
            _ = checker.check(scenario, record: record)
            check += clock.now - start
        }
        let empty = Scenario(steps: [.span(SpanStep(label: "only"))])
        let start = clock.now
        for index in 0..<count { _ = await runtime.run(empty, factory: factory, seed: UInt64(index)) }
        let emptyRun = clock.now - start
        let micros = { (duration: Duration) in duration.seconds * 1e6 / Double(count) }
        return (micros(generate), micros(run), micros(check), micros(emptyRun))
    }

    /// Spans per second through `Checker().check` (oracle, indexing and every invariant), checking the
    /// workload repeatedly for at least `minimumSeconds`.
    static func checkerSpansPerSecond(_ workload: CheckerWorkload, minimumSeconds: Double) -> Double {
        let checker = Checker()
        return rate(spans: workload.spans, minimumSeconds: minimumSeconds) {
            let result = checker.check(workload.scenario, record: workload.record)
            precondition(result.passed, "the checker workload must pass: \(result.violations.first!)")
        }
    }

    /// Spans per second of one pass filing every exported span by label.
    static func indexSpansPerSecond(_ workload: CheckerWorkload, minimumSeconds: Double) -> Double {
        rate(spans: workload.spans, minimumSeconds: minimumSeconds) {
            var byLabel: [String: ExportedSpan] = [:]
            byLabel.reserveCapacity(workload.record.exported.count)
            for span in workload.record.exported { byLabel[span.label] = span }
            blackHole(byLabel)
        }
    }

    private static func rate(spans: Int, minimumSeconds: Double, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        var rounds = 0
        repeat {
            body()
            rounds += 1
        } while (clock.now - start).seconds < minimumSeconds
        return Double(spans * rounds) / (clock.now - start).seconds
    }

    private static func median(_ rounds: Int, _ measure: () -> Double) -> Double {
        let values = (0..<rounds).map { _ in measure() }.sorted()
        return values[values.count / 2]
    }

    /// Keeps `value` observable so the optimizer cannot delete the work that made it.
    @_optimize(none)
    private static func blackHole<T>(_ value: T) {}
}
