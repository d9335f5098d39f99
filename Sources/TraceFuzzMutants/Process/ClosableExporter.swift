import TraceCore

/// An exporter behind a switch: it passes batches to `exporter` until ``close()``, and from then on hands
/// them to its closed export pool, which discards them without a word: `export` still reports success,
/// so no processor counts them as dropped (the bug's spans are lost silently, not refused).
final class ClosableExporter: SpanExporter {
    private let exporter: InMemorySpanExporter
    private let closed = StateLock(false)

    /// Wraps `exporter`, open.
    init(_ exporter: InMemorySpanExporter) { self.exporter = exporter }

    /// Closes the exporter's pool: every later batch is lost.
    func close() { closed.withLock { $0 = true } }

    func export(_ batch: [SpanData]) -> Bool {
        guard !closed.withLock({ $0 }) else { return true }
        return exporter.export(batch)
    }
}
