import TraceFuzz

/// A tracer adapter that hands `tracedPool` hops to a user's executor; everything else goes to the
/// wrapped adapter (``ForwardingTracerAdapter``). Made by ``ExecutorUnderTest``, one per run.
public struct ExecutorUnderTestAdapter<Base: TracerAdapter>: ForwardingTracerAdapter {
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
}
