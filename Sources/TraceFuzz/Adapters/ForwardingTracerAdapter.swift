/// An adapter that wraps another and forwards every requirement it does not implement itself.
///
/// A tracer with one thing changed (a planted bug, an instrumented `inject`, an executor taken away) is
/// then only that one thing: implement the requirements you change, and the rest is `base`'s. The
/// captured context is forwarded too when the two adapters share its type; an adapter with a captured
/// context of its own implements `capture` and both `withRestored`s itself.
///
/// The environment carrier of process hops is not forwarded: it is ``TracerAdapter``'s default, built
/// on this adapter's own `inject` and `withExtracted`, so a change to those reaches child processes too.
///
/// ```swift
/// /// TraceCore whose restore forgets the context: the bug TraceFuzz must find.
/// struct ForgetfulRestore: ForwardingTracerAdapter {
///     let base: TraceCoreAdapter
///     func withRestored(_ context: SpanContext?, _ body: () -> Void) { body() }
///     func withRestored(_ context: SpanContext?, _ body: () async -> Void) async { await body() }
/// }
/// ```
public protocol ForwardingTracerAdapter: TracerAdapter {
    /// The adapter that serves every requirement this one does not implement.
    associatedtype Base: TracerAdapter

    /// The wrapped adapter.
    var base: Base { get }
}

extension ForwardingTracerAdapter {
    /// `base`'s span.
    public func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        base.withSpan(label, instance: instance, body)
    }

    /// `base`'s async span.
    public func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await base.withSpan(label, instance: instance, body)
    }

    /// `base`'s current span.
    public func currentSpan() -> SpanIdentity? { base.currentSpan() }

    /// `base`'s headers.
    public func inject() -> [String: String] { base.inject() }

    /// `base`'s extraction.
    public func withExtracted(_ headers: [String: String], _ body: () -> Void) {
        base.withExtracted(headers, body)
    }

    /// `base`'s async extraction.
    public func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await base.withExtracted(headers, body)
    }

    /// `base`'s carrier keys.
    public var carrierKeys: [String] { base.carrierKeys }

    /// `base`'s flush.
    public func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        await base.flush(instance: instance, timeout: timeout)
    }

    /// `base`'s shutdown.
    public func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        await base.shutdown(instance: instance, timeout: timeout)
    }

    /// `base`'s exported spans.
    public func exportedSpans() -> [ExportedSpan] { base.exportedSpans() }

    /// `base`'s drop count.
    public func droppedSpans(instance: Int) -> Int { base.droppedSpans(instance: instance) }

    /// `base`'s propagating executor.
    public func propagatingExecutor(width: Int) -> (any WorkExecutor)? { base.propagatingExecutor(width: width) }

    /// `base`'s teardown.
    public func tearDown() async { await base.tearDown() }
}

extension ForwardingTracerAdapter where CapturedContext == Base.CapturedContext {
    /// `base`'s capture.
    public func capture() -> CapturedContext { base.capture() }

    /// `base`'s restore.
    public func withRestored(_ context: CapturedContext, _ body: () -> Void) { base.withRestored(context, body) }

    /// `base`'s async restore.
    public func withRestored(_ context: CapturedContext, _ body: () async -> Void) async {
        await base.withRestored(context, body)
    }
}
