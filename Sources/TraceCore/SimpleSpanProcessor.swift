import Synchronization

/// Exports each span synchronously as it ends, one export at a time.
///
/// `forceFlush` is trivially a barrier: a span is exported before `end()` returns. Spans that end after
/// shutdown, or that the exporter refuses, are dropped and counted.
public final class SimpleSpanProcessor: SpanProcessor {
    private let exporter: any SpanExporter
    /// The exporter again when it records single spans and serialises itself (the in-memory
    /// exporter): then a span goes straight to it, with no batch and no lock here.
    private let recorder: (any SpanRecorder)?
    private let state = StateLock(State())
    private let isShutdown = Atomic(false)
    private let dropped = Atomic(0)

    private struct State {
        /// A one-span batch reused for every export, so ending a span does not allocate an array. It keeps
        /// the last span until the next one replaces it.
        var batch: [SpanData] = []
    }

    /// Creates a processor exporting to `exporter`.
    public init(exporter: any SpanExporter) {
        self.exporter = exporter
        recorder = exporter as? any SpanRecorder
    }

    /// Exports `span` now, serialized with every other export; drops and counts after shutdown.
    public func onEnd(_ span: SpanData) {
        if let recorder {
            // A span that passes this check while shutdown begins is refused by the exporter, and counted.
            if isShutdown.load(ordering: .acquiring) || !recorder.record(span) {
                dropped.add(1, ordering: .relaxed)
            }
            return
        }
        let exported = state.withLock { state in
            if isShutdown.load(ordering: .relaxed) { return false }
            if state.batch.isEmpty { state.batch.append(span) } else { state.batch[0] = span }
            return exporter.export(state.batch)
        }
        if !exported { dropped.add(1, ordering: .relaxed) }
    }

    /// Flushes the exporter; every ended span is already exported.
    public func forceFlush(timeout: Duration) -> FlushResult {
        state.withLock { _ in
            if isShutdown.load(ordering: .relaxed) { return .failure }
            return exporter.forceFlush() ? .success : .failure
        }
    }

    /// Flushes and stops; idempotent.
    public func shutdown(timeout: Duration) -> FlushResult {
        state.withLock { _ in
            if isShutdown.load(ordering: .relaxed) { return .success }
            isShutdown.store(true, ordering: .releasing)
            let flushed = exporter.forceFlush()
            exporter.shutdown()
            return flushed ? .success : .failure
        }
    }

    /// Spans that ended after shutdown, or that the exporter refused.
    public var droppedSpanCount: Int { dropped.load(ordering: .relaxed) }
}
