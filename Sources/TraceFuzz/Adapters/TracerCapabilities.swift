/// What a tracer under test can do, as its ``TracerAdapterFactory`` declares it.
///
/// The generator reads it to make only scenarios the tracer can run (``GeneratorOptions/fitted(to:)``),
/// and the invariants read it to check only what the tracer promises: a tracer that counts no drops is
/// never given a queue small enough to drop, one without sessions is not asked for them, and one whose
/// IDs are unique only within one tracer object is not blamed when two tracers hand out the same ID.
///
/// ```swift
/// // InMemoryTracer: IDs count up from 1 in every tracer object; no drops, no sessions.
/// let capabilities = TracerCapabilities(idUniqueness: .perTracer, batchProcessor: false)
/// ```
public struct TracerCapabilities: Hashable, Sendable, Codable {
    /// Where a tracer's span and trace IDs are unique.
    public enum IDUniqueness: String, Hashable, Sendable, Codable {
        /// Unique across every tracer instance and process of a run (random or seeded per instance).
        case global
        /// Unique only among the spans of one tracer object: two instances, or a child process's
        /// tracer, may hand out the same IDs. IDs are then compared only within one tracer.
        case perTracer
    }

    /// Whether the adapter has an executor of its own for `tracedPool` hops
    /// (``TracerAdapter/propagatingExecutor(width:)``).
    public var propagatingExecutor: Bool
    /// Whether the same seed gives the same IDs, so a replay shows the same IDs as the finding.
    public var seededIDs: Bool
    /// Whether ``ExportInspecting/droppedSpans(instance:)`` counts drops. Without it, queues are never
    /// made small enough to drop.
    public var countsDrops: Bool
    /// Whether exported spans name the session of the instance that made them
    /// (``ExportedSpan/sessionInstance``); without it, `instance-isolation` checks the exporter alone.
    public var sessions: Bool
    /// Where IDs are unique.
    public var idUniqueness: IDUniqueness
    /// Whether `process` hops can run: a worker of the same binary makes the same tracer in the child.
    public var processHops: Bool
    /// Whether the tracer honours ``TracerInstanceConfig/Processor/batch`` (a batching processor with
    /// the configured queue).
    public var batchProcessor: Bool
    /// Whether the tracer honours ``TracerInstanceConfig/Processor/simple`` (export as each span ends).
    public var simpleProcessor: Bool

    /// Declares capabilities; the defaults promise the least but process hops and both processors.
    public init(
        propagatingExecutor: Bool = false, seededIDs: Bool = false, countsDrops: Bool = false,
        sessions: Bool = false, idUniqueness: IDUniqueness = .global, processHops: Bool = true,
        batchProcessor: Bool = true, simpleProcessor: Bool = true
    ) {
        self.propagatingExecutor = propagatingExecutor
        self.seededIDs = seededIDs
        self.countsDrops = countsDrops
        self.sessions = sessions
        self.idUniqueness = idUniqueness
        self.processHops = processHops
        self.batchProcessor = batchProcessor
        self.simpleProcessor = simpleProcessor
    }

    /// Everything: TraceCore's capabilities.
    public static let all = TracerCapabilities(
        propagatingExecutor: true, seededIDs: true, countsDrops: true, sessions: true)
}
