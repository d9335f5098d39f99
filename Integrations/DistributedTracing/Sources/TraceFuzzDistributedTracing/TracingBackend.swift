public import TraceFuzz
public import Tracing

/// What ``DistributedTracingAdapter`` needs to fuzz a swift-distributed-tracing `Tracer` beyond the
/// `Tracer` protocol: the few things the protocol cannot say.
///
/// `Tracer` makes spans, and its `Instrument` side injects and extracts; the adapter does the rest with
/// `ServiceContext`. What is left is the tracer's own business: an awaitable flush (`forceFlush()`
/// returns nothing), a shutdown, what it exported, and, where the tracer has them, drops and a way to
/// read a span's IDs out of a context.
///
/// ```swift
/// struct MyBackend: TracingBackend {
///     let tracers: [any Tracer]
///     let exporter: MyExporter
///     func flush(instance: Int, timeout: Duration) async -> FlushOutcome { await exporter.flush(timeout) }
///     func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome { await exporter.close(timeout) }
///     func exportedSpans() -> [ExportedSpan] { exporter.spans.map(\.asExportedSpan) }
/// }
/// ```
public protocol TracingBackend: Sendable {
    /// One tracer per scenario instance, in instance order. They may be of different types.
    var tracers: [any Tracer] { get }

    /// Flushes one instance: `.success` must mean that every span of that instance that ended before the
    /// call began has been exported. Never block a cooperative-pool thread while waiting.
    func flush(instance: Int, timeout: Duration) async -> FlushOutcome
    /// Shuts one instance down, flushing first.
    func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome
    /// Everything every instance has exported so far, each tagged with the exporting instance.
    func exportedSpans() -> [ExportedSpan]

    /// Spans an instance dropped and counted. Default: 0 (declare `countsDrops` only if you implement it).
    func droppedSpans(instance: Int) -> Int
    /// The IDs of the span a context carries, or `nil`. Default: what the first tracer injects as a W3C
    /// `traceparent` (``W3CSpanIdentity``).
    func spanIdentity(in context: ServiceContext) -> SpanIdentity?
    /// The carrier keys the tracers' `inject` writes, lowercase. Default: `traceparent`, `tracestate`.
    var carrierKeys: [String] { get }
    /// Called by the adapter when the body of span `label` of `instance` has returned, just before the
    /// span ends: for a backend that must know which spans ended after some event (a shutdown).
    /// Default: nothing.
    func willEnd(_ label: String, instance: Int)
    /// Stops the tracers' background work once the run is over. Default: nothing.
    func tearDown() async
}

extension TracingBackend {
    /// Counts nothing.
    public func droppedSpans(instance: Int) -> Int { 0 }

    /// The first tracer's `traceparent` for `context`, parsed.
    public func spanIdentity(in context: ServiceContext) -> SpanIdentity? {
        guard let tracer = tracers.first else { return nil }
        return W3CSpanIdentity.of(context, injectedBy: tracer)
    }

    /// W3C Trace Context's two headers.
    public var carrierKeys: [String] { ["traceparent", "tracestate"] }

    /// Nothing to note.
    public func willEnd(_ label: String, instance: Int) {}

    /// Nothing to stop.
    public func tearDown() async {}
}
