public import TraceFuzz

/// Makes a fresh set of `InMemoryTracer`s for every run.
///
/// ```swift
/// FuzzTarget("inmemory", InMemoryTracerFactory())
/// ```
public struct InMemoryTracerFactory: TracerAdapterFactory {
    /// Where the tracers' IDs come from.
    public enum IDs: Sendable, Hashable {
        /// Seeded random hex IDs (``InMemoryTracerBackend``'s `seeded` generator): unique across
        /// instances and processes, the same for the same seed.
        case seeded
        /// `InMemoryTracer`'s default, `trace-1`, `span-1`, …, restarting in every tracer object: IDs are
        /// unique only per tracer, which the capabilities say.
        case incrementing
    }

    /// The ID scheme.
    public let ids: IDs

    /// A factory whose tracers take their IDs from `ids` (default: seeded).
    public init(ids: IDs = .seeded) {
        self.ids = ids
    }

    /// `InMemoryTracer`.
    public var name: String { "InMemoryTracer" }

    /// A context-propagating pool (built on `ServiceContext`), no batch processor (spans are recorded as
    /// they end), nothing dropped, no sessions; seeded IDs unless `incrementing`.
    public var capabilities: TracerCapabilities {
        TracerCapabilities(
            propagatingExecutor: true, seededIDs: ids == .seeded, countsDrops: false, sessions: false,
            idUniqueness: ids == .seeded ? .global : .perTracer, processHops: true,
            batchProcessor: false, simpleProcessor: true)
    }

    /// New tracers, one per instance.
    public func makeAdapter(
        instances: [TracerInstanceConfig], seed: UInt64
    ) async -> DistributedTracingAdapter<InMemoryTracerBackend> {
        DistributedTracingAdapter(backend: InMemoryTracerBackend(instances: instances.count, ids: ids, seed: seed))
    }
}
