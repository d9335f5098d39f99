import Dispatch
import TraceCore

/// A batching span processor in two stages, as many SDKs build them: an ended span is sent into an
/// intake channel, and a receiver moves what the channel holds into the batch buffer (every
/// ``receiveInterval``, or at once when a batch's worth is waiting), which is exported when full, on a
/// flush, and at shutdown. One ``Defect`` is planted in it; with ``Defect/none`` it is correct: a flush
/// drains the intake first, shutdown drains everything, and every drop is counted.
final class StagedBatchProcessor: SpanProcessor {
    /// What is broken.
    enum Defect: Sendable {
        /// Nothing.
        case none
        /// flush-misses-in-flight: a flush exports the batch buffer only; spans still in the intake
        /// channel, not yet moved into the buffer, are not part of it.
        case flushSkipsIntake
        /// drop-policy-mismatch: the drop counter sits in the "refuse the newest" branch, so under
        /// `dropOldest` the evicted spans are lost without being counted.
        case evictionsUncounted
        /// shutdown-loses-buffer: shutdown cancels the intake channel before it is drained into the
        /// buffer; what was in it is gone, uncounted.
        case shutdownCancelsIntake
        /// shutdown-send-race: a span that ends while the processor shuts down is sent on the closed
        /// channel, where nothing receives it: lost, uncounted (in Go, a panic).
        case sendsAfterClose
    }

    private let exporter: any SpanExporter
    private let maxQueueSize: Int
    private let maxExportBatchSize: Int
    private let dropOldest: Bool
    private let defect: Defect
    /// How often the receiver drains the channel when nothing hurries it: as short as TraceCore's schedule
    /// delay in the harness, so spans spend a moment in the channel, as they do in real SDKs.
    static let receiveInterval = DispatchTimeInterval.milliseconds(2)

    /// The channel's receiver: moves are FIFO, so a `sync` on it waits for every send before it.
    private let receiver = DispatchQueue(label: "tracefuzz-mutant-intake")
    /// Wakes the receiver every ``receiveInterval``. Dispatch sources may be used from any thread; the
    /// protocol is just not marked `Sendable`.
    nonisolated(unsafe) private let ticker: any DispatchSourceTimer
    private let state = StateLock(State())
    /// Held while exporting, counting the batches exported: exports never overlap.
    private let exporting = StateLock(0)
    /// Left when the first shutdown has finished; later shutdowns wait for it.
    private let shutDown = DispatchGroup()

    private struct State {
        var intake: [SpanData] = []
        var buffer: [SpanData] = []
        var isClosed = false
        var receiverStopped = false
        var dropped = 0
        var shutdownResult = FlushResult.success
    }

    init(
        exporter: any SpanExporter, maxQueueSize: Int, maxExportBatchSize: Int, dropOldest: Bool,
        defect: Defect
    ) {
        self.exporter = exporter
        self.maxQueueSize = max(1, maxQueueSize)
        self.maxExportBatchSize = min(max(1, maxExportBatchSize), self.maxQueueSize)
        self.dropOldest = dropOldest
        self.defect = defect
        shutDown.enter()
        ticker = DispatchSource.makeTimerSource(queue: receiver)
        ticker.schedule(deadline: .now() + Self.receiveInterval, repeating: Self.receiveInterval)
        ticker.setEventHandler { [weak self] in self?.receive() }
        ticker.resume()
    }

    deinit { ticker.cancel() }

    func onEnd(_ span: SpanData) {
        let sent = state.withLock { state -> Bool in
            if state.isClosed {
                if defect != .sendsAfterClose { state.dropped += 1 }
                return false
            }
            if state.intake.count + state.buffer.count >= maxQueueSize {
                if defect != .evictionsUncounted || !dropOldest { state.dropped += 1 }
                guard dropOldest else { return false }
                if state.buffer.isEmpty { state.intake.removeFirst() } else { state.buffer.removeFirst() }
            }
            state.intake.append(span)
            return state.intake.count + state.buffer.count >= maxExportBatchSize
        }
        if sent { receiver.async { self.receive() } }
    }

    /// Moves the intake into the buffer; exports full batches.
    private func receive() {
        let full = state.withLock { state -> Bool in
            guard !state.receiverStopped else { return false }
            state.buffer.append(contentsOf: state.intake)
            state.intake.removeAll()
            return state.buffer.count >= maxExportBatchSize
        }
        if full { exportBuffer() }
    }

    /// Exports everything in the buffer, in batches.
    private func exportBuffer() {
        exporting.withLock { exports in
            while true {
                let batch = state.withLock { state -> [SpanData] in
                    let batch = Array(state.buffer.prefix(maxExportBatchSize))
                    state.buffer.removeFirst(batch.count)
                    return batch
                }
                if batch.isEmpty { return }
                exports += 1
                if !exporter.export(batch) { state.withLock { $0.dropped += batch.count } }
            }
        }
    }

    func forceFlush(timeout: Duration) -> FlushResult {
        if state.withLock({ $0.isClosed }) { return .failure }
        if defect != .flushSkipsIntake { receiver.sync { receive() } }
        exportBuffer()
        return exporter.forceFlush() ? .success : .failure
    }

    func shutdown(timeout: Duration) -> FlushResult {
        let first = state.withLock { state -> Bool in
            defer { state.isClosed = true }
            return !state.isClosed
        }
        ticker.cancel()
        guard first else {
            let deadline = DispatchTime.now() + .milliseconds(Int(timeout / .milliseconds(1)))
            guard shutDown.wait(timeout: deadline) == .success else { return .timeout }
            return state.withLock { $0.shutdownResult }
        }
        defer { shutDown.leave() }
        if defect == .shutdownCancelsIntake {
            state.withLock { state in
                state.receiverStopped = true
                state.intake.removeAll()
            }
        } else {
            receiver.sync { receive() }
        }
        exportBuffer()
        let flushed = exporter.forceFlush()
        exporter.shutdown()
        let result: FlushResult = flushed ? .success : .failure
        state.withLock { $0.shutdownResult = result }
        return result
    }

    var droppedSpanCount: Int { state.withLock { $0.dropped } }
}
