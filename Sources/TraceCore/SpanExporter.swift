/// Sends a batch of ended spans somewhere. Processors never call `export` concurrently.
public protocol SpanExporter: Sendable {
    /// Exports one batch; returns whether it succeeded.
    func export(_ batch: [SpanData]) -> Bool
    /// Flushes anything buffered in the exporter itself.
    func forceFlush() -> Bool
    /// Releases resources; later exports fail.
    func shutdown()
}

extension SpanExporter {
    /// Nothing buffered: succeeds.
    public func forceFlush() -> Bool { true }
    /// Nothing to release.
    public func shutdown() {}
}
