public import TraceFuzz
public import Tracing

/// Any swift-distributed-tracing `Tracer` as a TraceFuzz ``TracerAdapter``.
///
/// Spans are the tracers' own `withSpan`; the current context is `ServiceContext.current`, captured as a
/// value and restored with `ServiceContext.withValue`; carriers are the tracers' `inject`/`extract` over
/// a dictionary (``DictionaryInjector``), and the environment carrier is the same keys uppercased; the
/// propagating executor is a ``ServiceContextPoolExecutor``. What the `Tracer` protocol cannot say
/// (flush, shutdown, exports, drops, a span's IDs) comes from the ``TracingBackend``.
///
/// ```swift
/// let adapter = DistributedTracingAdapter(backend: InMemoryTracerBackend(instances: 2, seed: 7))
/// ```
public struct DistributedTracingAdapter<Backend: TracingBackend>: TracerAdapter {
    /// The tracers and their hooks.
    public let backend: Backend

    /// Adapts `backend`'s tracers.
    public init(backend: Backend) {
        self.backend = backend
    }

    /// Runs `body` in a span of `instance`'s tracer, its context current inside.
    public func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        Self.span(backend.tracers[instance], label) {
            body()
            backend.willEnd(label, instance: instance)
        }
    }

    /// Runs async `body` in a span of `instance`'s tracer, its context current inside.
    public func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await Self.span(backend.tracers[instance], label) {
            await body()
            backend.willEnd(label, instance: instance)
        }
    }

    private static func span<T: Tracer>(_ tracer: T, _ label: String, _ body: () -> Void) {
        tracer.withSpan(label) { _ in body() }
    }

    private static func span<T: Tracer>(_ tracer: T, _ label: String, _ body: () async -> Void) async {
        await tracer.withSpan(label) { _ in await body() }
    }

    /// The IDs of the span in `ServiceContext.current`, through the backend.
    public func currentSpan() -> SpanIdentity? {
        ServiceContext.current.flatMap(backend.spanIdentity(in:))
    }

    /// `ServiceContext.current`, a value.
    public func capture() -> ServiceContext? { ServiceContext.current }

    /// Binds a captured context around `body`.
    public func withRestored(_ context: ServiceContext?, _ body: () -> Void) {
        ServiceContext.withValue(context) { body() }
    }

    /// Binds a captured context around async `body`.
    public func withRestored(_ context: ServiceContext?, _ body: () async -> Void) async {
        await ServiceContext.withValue(context) { await body() }
    }

    /// What the first tracer injects for the current context.
    public func inject() -> [String: String] {
        var headers: [String: String] = [:]
        guard let tracer = backend.tracers.first else { return headers }
        tracer.inject(ServiceContext.current ?? .topLevel, into: &headers, using: DictionaryInjector())
        return headers
    }

    /// A top-level context with what the first tracer extracts from `headers`: a worker starts empty.
    private func extracted(_ headers: [String: String]) -> ServiceContext {
        var context = ServiceContext.topLevel
        backend.tracers.first?.extract(headers, into: &context, using: DictionaryExtractor())
        return context
    }

    /// Runs `body` with the context extracted from `headers` as current.
    public func withExtracted(_ headers: [String: String], _ body: () -> Void) {
        ServiceContext.withValue(extracted(headers)) { body() }
    }

    /// Runs async `body` with the context extracted from `headers` as current.
    public func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await ServiceContext.withValue(extracted(headers)) { await body() }
    }

    /// The backend's carrier keys.
    public var carrierKeys: [String] { backend.carrierKeys }

    /// The backend's flush.
    public func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        await backend.flush(instance: instance, timeout: timeout)
    }

    /// The backend's shutdown.
    public func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        await backend.shutdown(instance: instance, timeout: timeout)
    }

    /// The backend's exports.
    public func exportedSpans() -> [ExportedSpan] { backend.exportedSpans() }

    /// The backend's drop count.
    public func droppedSpans(instance: Int) -> Int { backend.droppedSpans(instance: instance) }

    /// A ``ServiceContextPoolExecutor`` of `width` threads.
    public func propagatingExecutor(width: Int) -> (any WorkExecutor)? {
        ServiceContextPoolExecutor(width: width)
    }

    /// The backend's teardown.
    public func tearDown() async { await backend.tearDown() }
}
