import Synchronization

/// Keeps exported spans in memory: what tests and the harness read.
///
/// ```swift
/// let exporter = InMemorySpanExporter()
/// let provider = TracerProvider(processors: [SimpleSpanProcessor(exporter: exporter)])
/// provider.tracer("t").withSpan("a") { _ in }
/// exporter.finishedSpans().map(\.name)  // ["a"]
/// ```
public final class InMemorySpanExporter: SpanExporter, SpanRecorder {
    private let state = StateLock(State())

    private struct State {
        var spans: [SpanData] = []
        var isShutdown = false
    }

    /// Creates an empty exporter.
    public init() {}

    /// Appends the batch; fails after shutdown.
    public func export(_ batch: [SpanData]) -> Bool {
        state.withLock { state in
            if state.isShutdown { return false }
            // One append per span: `append(contentsOf:)` copies through the unspecialised value witness.
            for span in batch { state.spans.append(span) }
            return true
        }
    }

    /// Appends one span; fails after shutdown. Used by ``SimpleSpanProcessor`` instead of `export`.
    func record(_ span: SpanData) -> Bool {
        state.withLock { state in
            if state.isShutdown { return false }
            state.spans.append(span)
            return true
        }
    }

    /// Stops accepting spans; what was exported stays readable.
    public func shutdown() { state.withLock { $0.isShutdown = true } }

    /// A snapshot of every span exported so far, in export order.
    public func finishedSpans() -> [SpanData] { state.withLock { $0.spans } }

    /// Forgets every exported span.
    public func reset() { state.withLock { $0.spans.removeAll(keepingCapacity: true) } }
}
