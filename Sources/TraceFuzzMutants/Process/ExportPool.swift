import TraceCore

/// The exporters of one child process's batch instances, closed together by its exit hook.
final class ExportPool: Sendable {
    private let exporters = StateLock([ClosableExporter]())

    /// `exporter` wrapped in a ``ClosableExporter`` that ``close()`` closes.
    func closable(_ exporter: InMemorySpanExporter) -> ClosableExporter {
        let closable = ClosableExporter(exporter)
        exporters.withLock { $0.append(closable) }
        return closable
    }

    /// Closes every exporter made so far: later batches are lost.
    func close() {
        for exporter in exporters.withLock({ $0 }) { exporter.close() }
    }
}
