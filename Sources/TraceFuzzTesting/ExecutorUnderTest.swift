import TraceCore
import TraceFuzz

/// Fuzzes your own executor: a ``TracerAdapterFactory`` that runs every `tracedPool` hop on an executor
/// you make, with a tracer (TraceCore by default) for everything else.
///
/// The oracle treats `tracedPool` hops as the tracer's own context-propagating executor, so a
/// `tracedPool` worker must see the submitter's span even under the `none` strategy. Wrap an executor
/// that *claims* to propagate (``WorkExecutor/propagatesContext`` is `true`), and ``generatorOptions(_:)``
/// sends every hop to it, half of them under `none`: any worker that starts without its submitter's span,
/// keeps a stale one, or leaves one behind on its thread is a finding.
///
/// An executor that does not claim to propagate is fuzzed under every strategy too: under `fresh`,
/// `shared` and `carrier` the harness captures and restores around it, and under `none` the oracle takes
/// it at its word and expects new roots, so an executor that leaks a stale context is found.
///
/// ```swift
/// struct ContextQueueExecutor: WorkExecutor {
///     let queue = DispatchQueue(label: "my-executor")
///     var propagatesContext: Bool { true }
///     func submit(_ work: @escaping @Sendable () -> Void) {
///         let context = TraceContext.current
///         queue.async { TraceContext.withContext(context, work) }
///     }
/// }
///
/// let executor = ExecutorUnderTest("ContextQueueExecutor") { _ in ContextQueueExecutor() }
/// await expectTracePropagation(through: executor, seeds: 100)
/// ```
///
/// `makeExecutor` is called once per `tracedPool` hop with the hop's width (1–8), and once more per
/// scenario to see that an executor exists; each executor is shut down after its hop or at the end of
/// the run. A worker may wait for a nested hop it submitted to a new executor of yours, so executors
/// that all share one small set of threads can starve: give each its own threads or queue.
public struct ExecutorUnderTest<Base: TracerAdapterFactory>: TracerAdapterFactory {
    /// The tracer whose context the executor must carry.
    public let base: Base
    /// The executor's name, for reports.
    public let executorName: String
    /// Whether the executor claims to carry context by itself, read from one it made.
    public let propagatesContext: Bool
    private let makeExecutor: @Sendable (Int) -> any WorkExecutor

    /// Wraps `base`; `makeExecutor(width)` makes a fresh executor of `width` threads or lanes.
    public init(
        _ name: String, tracer base: Base,
        makeExecutor: @escaping @Sendable (_ width: Int) -> any WorkExecutor
    ) {
        self.base = base
        self.executorName = name
        self.makeExecutor = makeExecutor
        let probe = makeExecutor(1)
        self.propagatesContext = probe.propagatesContext
        probe.shutdown()
    }

    /// `MyExecutor on TraceCore`.
    public var name: String { "\(executorName) on \(base.name)" }

    /// The wrapped tracer's adapter, with the executor in the `tracedPool` slot.
    public func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) async -> ExecutorUnderTestAdapter<
        Base.Adapter
    > {
        ExecutorUnderTestAdapter(
            base: await base.makeAdapter(instances: instances, seed: seed), makeExecutor: makeExecutor)
    }

    /// The wrapped tracer's capabilities, with an executor of its own: yours.
    public var capabilities: TracerCapabilities {
        var capabilities = base.capabilities
        capabilities.propagatingExecutor = true
        return capabilities
    }

    /// `options` with every hop sent to the executor: only `tracedPool` hops, under `none` half the time
    /// and `fresh`, `shared`, `carrier` at their usual weights when the executor claims to propagate, and
    /// under `fresh`, `shared` and `carrier` alone when it does not. Bounds and switches are kept.
    public func generatorOptions(_ options: GeneratorOptions = GeneratorOptions()) -> GeneratorOptions {
        var result = options
        result.executorWeights = [.tracedPool: GeneratorOptions.defaultExecutorWeights[.tracedPool] ?? 1]
        var strategies = GeneratorOptions().strategyWeights
        let others = strategies.filter { $0.key != .none }.values.reduce(0, +)
        strategies[.none] = propagatesContext ? others : strategies[.none]
        result.strategyWeights = strategies
        return result
    }
}

extension ExecutorUnderTest where Base == TraceCoreAdapterFactory {
    /// Your executor with TraceCore as the tracer: the executor must carry `TraceContext.current`.
    public init(_ name: String, makeExecutor: @escaping @Sendable (_ width: Int) -> any WorkExecutor) {
        self.init(name, tracer: TraceCoreAdapterFactory(), makeExecutor: makeExecutor)
    }
}
