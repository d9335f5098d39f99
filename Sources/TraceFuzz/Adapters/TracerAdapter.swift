/// The tracer under test, as the harness sees it, for one run of one scenario.
///
/// Harness code depends only on this protocol. ``TraceCoreAdapter`` is the first implementation;
/// implement it to fuzz your own tracer. An adapter instance serves exactly one run: make a fresh one
/// (fresh tracer instances, fresh exporters) for every scenario through a ``TracerAdapterFactory``.
///
/// Instances are numbered `0..<instanceCount` as in ``Scenario/instances``. The harness identifies
/// spans by name: every span of a scenario has a unique label.
public protocol TracerAdapter: Sendable {
    /// A captured context, as the tracer stores it. It may be a value or a reference; a tracer whose
    /// captured context cannot be shared across workers is exactly what the `shared` strategy finds.
    associatedtype CapturedContext: Sendable

    /// Runs `body` inside a new span named `label`, made by `instance`, current for the duration.
    func withSpan(_ label: String, instance: Int, _ body: () -> Void)
    /// Runs async `body` inside a new span named `label`, made by `instance`, current for the duration.
    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async

    /// The identity of the current span on this thread or task, or `nil` when there is none.
    func currentSpan() -> SpanIdentity?

    /// Captures the current context for another thread or task.
    func capture() -> CapturedContext
    /// Runs `body` with a captured context restored as current, and puts back what was there after.
    func withRestored(_ context: CapturedContext, _ body: () -> Void)
    /// Runs async `body` with a captured context restored as current.
    func withRestored(_ context: CapturedContext, _ body: () async -> Void) async

    /// Serializes the current context into carrier headers (W3C `traceparent` and friends).
    func inject() -> [String: String]
    /// Runs `body` with the context extracted from carrier headers as current.
    func withExtracted(_ headers: [String: String], _ body: () -> Void)
    /// Runs async `body` with the context extracted from carrier headers as current.
    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async

    /// The current context as environment variables for a child process (`TRACEPARENT`,
    /// `TRACESTATE`): the carrier of `process` hops under the `carrier` strategy.
    func injectEnvironment() -> [String: String]
    /// Runs async `body` with the context extracted from a process environment as current: how a
    /// worker process picks up the context of a `carrier` hop.
    func withExtractedEnvironment(_ environment: [String: String], _ body: () async -> Void) async

    /// Force-flushes one instance: when it returns `.success`, every span of that instance that ended
    /// before the call began must be exported.
    func flush(instance: Int, timeout: Duration) -> FlushOutcome
    /// Shuts one instance down (flushing first).
    func shutdown(instance: Int, timeout: Duration) -> FlushOutcome
    /// Everything every instance has exported so far, each span tagged with the exporting instance.
    func exportedSpans() -> [ExportedSpan]
    /// How many spans an instance has dropped and counted (queue overflow, after shutdown).
    func droppedSpans(instance: Int) -> Int

    /// A context-propagating executor of the tracer's own (such as a traced thread pool), or `nil`.
    func propagatingExecutor(width: Int) -> (any WorkExecutor)?
}

extension TracerAdapter {
    /// No propagating executor of its own.
    public func propagatingExecutor(width: Int) -> (any WorkExecutor)? { nil }

    /// The headers of ``inject()`` as variables: `traceparent` as `TRACEPARENT`, and so on.
    public func injectEnvironment() -> [String: String] {
        Dictionary(inject().map { ($0.key.uppercased(), $0.value) }) { first, _ in first }
    }

    /// The async `withExtracted` with `TRACEPARENT` and `TRACESTATE` read back as headers.
    public func withExtractedEnvironment(_ environment: [String: String], _ body: () async -> Void) async {
        var headers: [String: String] = [:]
        for name in ["TRACEPARENT", "TRACESTATE"] { headers[name.lowercased()] = environment[name] }
        await withExtracted(headers, body)
    }
}

/// Makes a fresh ``TracerAdapter`` for every run.
public protocol TracerAdapterFactory: Sendable {
    /// The adapter type this factory makes.
    associatedtype Adapter: TracerAdapter

    /// A short name for reports, such as `TraceCore`.
    var name: String { get }

    /// A fresh adapter with one tracer instance per configuration; `seed` makes IDs repeatable where the
    /// tracer allows it.
    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> Adapter
}

/// The identity of a live or exported span, as opaque strings (hex IDs for W3C tracers).
public struct SpanIdentity: Hashable, Sendable, Codable {
    /// The trace the span belongs to.
    public var traceID: String
    /// The span's own ID.
    public var spanID: String

    /// Creates an identity.
    public init(traceID: String, spanID: String) {
        self.traceID = traceID
        self.spanID = spanID
    }
}

/// A span as exported by the tracer under test.
public struct ExportedSpan: Hashable, Sendable, Codable {
    /// The span's name: the scenario label.
    public var label: String
    /// Its trace and span IDs.
    public var identity: SpanIdentity
    /// The parent span's ID, or `nil` for a root.
    public var parentSpanID: String?
    /// The instance whose exporter exported it.
    public var exportedBy: Int
    /// The instance named by the span's session attributes, or `nil` if it carries none.
    public var sessionInstance: Int?

    /// Creates an exported span.
    public init(
        label: String, identity: SpanIdentity, parentSpanID: String?, exportedBy: Int, sessionInstance: Int?
    ) {
        self.label = label
        self.identity = identity
        self.parentSpanID = parentSpanID
        self.exportedBy = exportedBy
        self.sessionInstance = sessionInstance
    }
}

/// The outcome of a flush or shutdown.
public enum FlushOutcome: String, Hashable, Sendable, Codable {
    /// Everything that ended before the call is exported.
    case success
    /// The deadline passed first.
    case timeout
    /// The tracer reported failure.
    case failure
}
