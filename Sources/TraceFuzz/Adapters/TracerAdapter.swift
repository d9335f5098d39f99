/// The tracer under test, as the harness sees it, for one run of one scenario.
///
/// It is composed of four small protocols: ``SpanMaking`` (making spans, reading the current one),
/// ``ContextCapturing`` (capture and restore), ``ContextCarrying`` (headers and the environment of a
/// child process) and ``ExportInspecting`` (flush, shutdown, what was exported). On top, two hooks with
/// defaults: an executor of the tracer's own, and a teardown.
///
/// ``TraceCoreAdapter`` is the first implementation; implement this protocol to fuzz your own tracer.
/// An adapter instance serves exactly one run: a ``TracerAdapterFactory`` makes a fresh one (fresh
/// tracer instances, fresh exporters) for every scenario, and says what the tracer can do.
///
/// ```swift
/// struct MyTracerAdapter: TracerAdapter {
///     let tracers: [MyTracer]
///     func withSpan(_ label: String, instance: Int, _ body: () -> Void) { tracers[instance].span(label, body) }
///     func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
///         await tracers[instance].span(label, body)
///     }
///     func currentSpan() -> SpanIdentity? { MyTracer.current.map { SpanIdentity(traceID: $0.trace, spanID: $0.id) } }
///     func capture() -> MyContext? { MyTracer.current }
///     // … restore, inject, extract, flush, shutdown, exportedSpans
/// }
/// ```
public protocol TracerAdapter: SpanMaking, ContextCapturing, ContextCarrying, ExportInspecting {
    /// A context-propagating executor of the tracer's own (such as a traced thread pool), or `nil`. When
    /// the factory declares ``TracerCapabilities/propagatingExecutor``, the generator makes `tracedPool`
    /// hops, and each gets one of these.
    func propagatingExecutor(width: Int) -> (any WorkExecutor)?

    /// Called once when the run is over, after the last flush and shutdown and after the harness has
    /// read everything it checks: stop the tracer's services, close its exporters. It runs on the
    /// cooperative pool, so it must not block; the run's deadline covers it.
    func tearDown() async
}

extension TracerAdapter {
    /// No propagating executor of its own.
    public func propagatingExecutor(width: Int) -> (any WorkExecutor)? { nil }

    /// Nothing to tear down.
    public func tearDown() async {}
}
