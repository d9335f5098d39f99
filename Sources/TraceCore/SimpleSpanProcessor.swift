import Synchronization

/// Exports each span synchronously as it ends, one export at a time.
///
/// `forceFlush` is trivially a barrier: a span is exported before `end()` returns.
public final class SimpleSpanProcessor: SpanProcessor {
    private let exporter: any SpanExporter
    private let state = StateLock(State())

    private struct State {
        var isShutdown = false
        var dropped = 0
        /// A one-span batch reused for every export, so ending a span does not allocate an array. It keeps
        /// the last span until the next one replaces it.
        var batch: [SpanData] = []
    }

    /// Creates a processor exporting to `exporter`.
    public init(exporter: any SpanExporter) { self.exporter = exporter }

    /// Exports `span` now, serialized with every other export; drops and counts after shutdown.
    public func onEnd(_ span: SpanData) {
        state.withLock { state in
            if state.isShutdown {
                state.dropped += 1
                return
            }
            if state.batch.isEmpty { state.batch.append(span) } else { state.batch[0] = span }
            _ = exporter.export(state.batch)
        }
    }

    /// Flushes the exporter; every ended span is already exported.
    public func forceFlush(timeout: Duration) -> FlushResult {
        state.withLock { state in
            if state.isShutdown { return .failure }
            return exporter.forceFlush() ? .success : .failure
        }
    }

    /// Flushes and stops; idempotent.
    public func shutdown(timeout: Duration) -> FlushResult {
        state.withLock { state in
            if state.isShutdown { return .success }
            state.isShutdown = true
            let flushed = exporter.forceFlush()
            exporter.shutdown()
            return flushed ? .success : .failure
        }
    }

    /// Spans that ended after shutdown.
    public var droppedSpanCount: Int { state.withLock { $0.dropped } }
}
