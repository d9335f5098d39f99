import TraceFuzz

/// A tracer adapter that hands `tracedPool` hops to a user's executor; everything else goes to the
/// wrapped adapter. Made by ``ExecutorUnderTest``, one per run.
public struct ExecutorUnderTestAdapter<Base: TracerAdapter>: TracerAdapter {
    /// The wrapped tracer's captured context.
    public typealias CapturedContext = Base.CapturedContext

    /// The wrapped adapter: the tracer whose context the executor must carry.
    public let base: Base
    private let makeExecutor: @Sendable (Int) -> any WorkExecutor

    /// Wraps `base`, answering ``propagatingExecutor(width:)`` with `makeExecutor(width)`.
    public init(base: Base, makeExecutor: @escaping @Sendable (_ width: Int) -> any WorkExecutor) {
        self.base = base
        self.makeExecutor = makeExecutor
    }

    /// A fresh executor under test, `width` wide, for one `tracedPool` hop (or one top-level pool).
    public func propagatingExecutor(width: Int) -> (any WorkExecutor)? { makeExecutor(width) }

    /// Forwards to the wrapped adapter.
    public func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        base.withSpan(label, instance: instance, body)
    }

    /// Forwards to the wrapped adapter.
    public func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await base.withSpan(label, instance: instance, body)
    }

    /// Forwards to the wrapped adapter.
    public func currentSpan() -> SpanIdentity? { base.currentSpan() }

    /// Forwards to the wrapped adapter.
    public func capture() -> Base.CapturedContext { base.capture() }

    /// Forwards to the wrapped adapter.
    public func withRestored(_ context: Base.CapturedContext, _ body: () -> Void) {
        base.withRestored(context, body)
    }

    /// Forwards to the wrapped adapter.
    public func withRestored(_ context: Base.CapturedContext, _ body: () async -> Void) async {
        await base.withRestored(context, body)
    }

    /// Forwards to the wrapped adapter.
    public func inject() -> [String: String] { base.inject() }

    /// Forwards to the wrapped adapter.
    public func withExtracted(_ headers: [String: String], _ body: () -> Void) {
        base.withExtracted(headers, body)
    }

    /// Forwards to the wrapped adapter.
    public func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await base.withExtracted(headers, body)
    }

    /// Forwards to the wrapped adapter.
    public func flush(instance: Int, timeout: Duration) -> FlushOutcome {
        base.flush(instance: instance, timeout: timeout)
    }

    /// Forwards to the wrapped adapter.
    public func shutdown(instance: Int, timeout: Duration) -> FlushOutcome {
        base.shutdown(instance: instance, timeout: timeout)
    }

    /// Forwards to the wrapped adapter.
    public func exportedSpans() -> [ExportedSpan] { base.exportedSpans() }

    /// Forwards to the wrapped adapter.
    public func droppedSpans(instance: Int) -> Int { base.droppedSpans(instance: instance) }
}
