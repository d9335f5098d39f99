import Dispatch
import TraceCore

/// flush-returns-early: TraceCore's batch processor, but `forceFlush` only tells the export worker to
/// flush and returns success at once, before anything is exported.
final class EarlyReturningFlushProcessor: SpanProcessor {
    private let inner: BatchSpanProcessor

    init(_ inner: BatchSpanProcessor) { self.inner = inner }

    func onEnd(_ span: SpanData) { inner.onEnd(span) }

    func forceFlush(timeout: Duration) -> FlushResult {
        let inner = self.inner
        DispatchQueue.global().async { _ = inner.forceFlush(timeout: timeout) }
        return .success
    }

    func shutdown(timeout: Duration) -> FlushResult { inner.shutdown(timeout: timeout) }

    var droppedSpanCount: Int { inner.droppedSpanCount }
}
