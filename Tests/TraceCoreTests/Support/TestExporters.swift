import Dispatch
import Synchronization
import TraceCore

/// Records every batch; can block the first export, fail every export, and detects overlapping exports.
final class RecordingExporter: SpanExporter {
    private struct State: Sendable {
        var batches: [[SpanData]] = []
        var exporting = false
        var overlapped = false
        var shutDown = false
        var blockNext: Bool
    }

    private let state: Locked<State>
    private let fails: Bool
    /// Opened when a blocked export has started.
    let entered = Gate()
    /// Open it to let a blocked export finish.
    let release = Gate()

    init(blockFirstExport: Bool = false, fails: Bool = false) {
        state = Locked(State(blockNext: blockFirstExport))
        self.fails = fails
    }

    func export(_ batch: [SpanData]) -> Bool {
        let block = state.withLock { state in
            if state.exporting { state.overlapped = true }
            state.exporting = true
            defer { state.blockNext = false }
            return state.blockNext
        }
        if block {
            entered.open()
            release.wait()
        }
        state.withLock { state in
            state.exporting = false
            if !fails { state.batches.append(batch) }
        }
        return !fails
    }

    func shutdown() { state.withLock { $0.shutDown = true } }

    var spans: [SpanData] { state.withLock { $0.batches.flatMap { $0 } } }
    var names: [String] { spans.map(\.name) }
    var batchSizes: [Int] { state.withLock { $0.batches.map(\.count) } }
    var overlapped: Bool { state.withLock { $0.overlapped } }
    var isShutDown: Bool { state.withLock { $0.shutDown } }
}

/// A minimal span for feeding processors directly.
func spanData(_ name: String) -> SpanData {
    SpanData(
        name: name, context: SpanContext(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1)),
        parentSpanID: nil,
        startNanos: 0, endNanos: 1)
}
