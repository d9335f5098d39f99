import TraceCore

/// Speed figures for TraceCore's hot paths, each next to a bare baseline measured in the same run.
///
/// - `tracer.nested_span_ns`: start and end of one span nested under another, on one thread, through
///   a `SimpleSpanProcessor` into an `InMemorySpanExporter` (reset every 1024 spans so memory stays
///   flat). Baseline `bare.nested_loop_ns`: the same loop calling a closure, with no tracer.
/// - `tracer.pool_task_ns`: one task fanned out over a 4-worker `TracedThreadPool` (context captured
///   per submit and restored in the worker), submitting many and then waiting for every handle.
///   Baseline `bare.pool_task_ns`: the same fan-out over a plain `ThreadPool`, with no capture.
///
/// Each figure is the best of several rounds, timed with a monotonic clock: on a shared machine,
/// other work only ever adds time to a round, so the fastest round is the least disturbed one.
enum TracerBenchmarks {
    /// Runs every benchmark; `quick` runs fewer iterations and rounds (for smoke tests).
    static func measure(quick: Bool) -> [BenchmarkFigure] {
        let rounds = quick ? 3 : 7
        let spanIterations = quick ? 20_000 : 300_000
        let poolTasks = quick ? 5_000 : 100_000
        let nested = best(of: rounds) { nestedSpanNanos(iterations: spanIterations) }
        let bareLoop = best(of: rounds) { bareLoopNanos(iterations: spanIterations) }
        let traced = best(of: rounds) { poolTaskNanos(tasks: poolTasks, traced: true) }
        let bare = best(of: rounds) { poolTaskNanos(tasks: poolTasks, traced: false) }
        return [
            BenchmarkFigure(
                name: "tracer.nested_span_ns", value: nested, unit: "ns", baselineName: "bare.nested_loop_ns",
                baselineValue: bareLoop),
            BenchmarkFigure(
                name: "tracer.pool_task_ns", value: traced, unit: "ns", baselineName: "bare.pool_task_ns",
                baselineValue: bare),
        ]
    }

    /// Nanoseconds per nested span (start, make current, end, export to memory).
    static func nestedSpanNanos(iterations: Int) -> Double {
        let exporter = InMemorySpanExporter()
        let provider = TracerProvider(
            resource: Resource(attributes: ["service.name": "bench"]),
            processors: [SimpleSpanProcessor(exporter: exporter)], idGenerator: CounterIDGenerator(seed: 1))
        let tracer = provider.tracer("bench")
        let clock = ContinuousClock()
        return tracer.withSpan("root") { _ in
            for _ in 0..<1000 { tracer.withSpan("warm-up") { blackHole($0) } }
            exporter.reset()
            let start = clock.now
            for index in 0..<iterations {
                tracer.withSpan("child") { blackHole($0) }
                if index & 1023 == 1023 { exporter.reset() }
            }
            return nanos(clock.now - start) / Double(iterations)
        }
    }

    /// Nanoseconds per iteration of the same loop with no tracer: a closure call and the reset check.
    static func bareLoopNanos(iterations: Int) -> Double {
        let clock = ContinuousClock()
        var resets = 0
        let start = clock.now
        for index in 0..<iterations {
            callClosure { blackHole(index) }
            if index & 1023 == 1023 { resets += 1 }
        }
        blackHole(resets)
        return nanos(clock.now - start) / Double(iterations)
    }

    /// Nanoseconds per task fanned out over 4 workers, from the first submit until every handle is
    /// waited for; `traced` picks `TracedThreadPool` (capture per submit) or a plain `ThreadPool`.
    static func poolTaskNanos(tasks: Int, traced: Bool) -> Double {
        let tracedPool = traced ? TracedThreadPool(threads: 4, name: "bench-traced") : nil
        let barePool = traced ? nil : ThreadPool(threads: 4, name: "bench-bare")
        defer {
            tracedPool?.shutdown()
            barePool?.shutdown()
        }
        let submit: (@escaping @Sendable () -> Bool) -> WorkHandle<Bool> = { body in
            tracedPool?.submit(body) ?? barePool!.submit(body)
        }
        let provider = TracerProvider(processors: [], idGenerator: CounterIDGenerator(seed: 2))
        let clock = ContinuousClock()
        return provider.tracer("bench").withSpan("fan-out") { _ in
            for handle in (0..<100).map({ _ in submit { TraceContext.current != nil } }) {
                _ = try? handle.wait()
            }
            var handles: [WorkHandle<Bool>] = []
            handles.reserveCapacity(tasks)
            let start = clock.now
            for _ in 0..<tasks { handles.append(submit { TraceContext.current != nil }) }
            var propagated = 0
            for handle in handles where (try? handle.wait()) == true { propagated += 1 }
            let elapsed = clock.now - start
            precondition(
                propagated == (traced ? tasks : 0), "context propagation is not what the pool claims")
            return nanos(elapsed) / Double(tasks)
        }
    }

    private static func best(of rounds: Int, _ measure: () -> Double) -> Double {
        (0..<rounds).map { _ in measure() }.min()!
    }

    private static func nanos(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }

    @inline(never)
    private static func callClosure(_ body: () -> Void) { body() }

    /// Keeps `value` alive and observable so the optimizer cannot delete the work that made it.
    @_optimize(none)
    private static func blackHole<T>(_ value: T) {}
}
