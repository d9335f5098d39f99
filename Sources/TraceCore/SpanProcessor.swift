/// Receives ended spans from a ``TracerProvider`` and hands them to an exporter.
public protocol SpanProcessor: Sendable {
    /// Called once for every span that ends.
    func onEnd(_ span: SpanData)
    /// Exports everything that ended before this call began, within `timeout`.
    func forceFlush(timeout: Duration) -> FlushResult
    /// Flushes, then stops; later spans are dropped and counted.
    func shutdown(timeout: Duration) -> FlushResult
    /// Spans this processor dropped (queue overflow or after shutdown).
    var droppedSpanCount: Int { get }
}

extension SpanProcessor {
    /// No drops: the default for processors that never drop.
    public var droppedSpanCount: Int { 0 }
}
