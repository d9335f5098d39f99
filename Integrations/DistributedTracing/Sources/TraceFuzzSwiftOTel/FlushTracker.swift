import Synchronization
import TraceFuzz

/// Follows one swift-otel instance's flushes from request to completion, so the adapter can await a
/// flush that `Tracer.forceFlush()` only starts.
///
/// `forceFlush()` puts a flush event on the tracer's event stream and returns. The tracer's service
/// handles its events one at a time, in order, and awaits each flush of the batch processor before the
/// next event; the processor logs the start of each flush and the end of each batch it exports (see
/// ``SwiftOTelFlushLog``). So the k-th flush the processor starts is the k-th request, and it is done
/// when its last batch is. A flush is reported `.success` when the processor has finished it, whatever
/// it covered: spans it missed stay missing, which is what the harness checks.
final class FlushTracker: Sendable {
    private struct InProgress {
        var number: Int
        var batchesLeft: Int
        var failed: Bool
    }

    private struct State {
        var requested = 0
        var started = 0
        var inProgress: InProgress?
        var finished: [Int: FlushOutcome] = [:]
        var waiters: [Int: CheckedContinuation<FlushOutcome, Never>] = [:]
        var shutdownBegun = false
        var groupFinished = false
        var groupWaiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextGroupWaiter = 0
        var endedAfterShutdown: Set<String> = []
    }

    private let state = Mutex(State())
    private let maxExportBatchSize: Int

    /// A tracker for a processor exporting at most `maxExportBatchSize` spans a batch.
    init(maxExportBatchSize: Int) {
        self.maxExportBatchSize = max(1, maxExportBatchSize)
    }

    // MARK: - Flushes

    /// Requests a flush through `forceFlush` (called under the lock, so requests keep their order) and
    /// returns its number, or `nil` once shutdown has begun: the tracer then takes no more requests.
    func request(_ forceFlush: () -> Void) -> Int? {
        state.withLock { state in
            guard !state.shutdownBegun else { return nil }
            state.requested += 1
            forceFlush()
            return state.requested
        }
    }

    /// Waits for flush `number` to finish, or `timeout`.
    func outcome(of number: Int, timeout: Duration) async -> FlushOutcome {
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.expire(number)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let known = state.withLock { state -> FlushOutcome? in
                if let outcome = state.finished.removeValue(forKey: number) { return outcome }
                if state.groupFinished { return .failure }
                state.waiters[number] = continuation
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
    }

    private func expire(_ number: Int) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: number) }
        waiter?.resume(returning: .timeout)
    }

    /// The processor began a flush of a buffer of `bufferSize` spans (0: it skipped an empty buffer).
    func flushStarted(bufferSize: Int) {
        state.withLock { state in
            state.started += 1
            let batches = (bufferSize + maxExportBatchSize - 1) / maxExportBatchSize
            if batches == 0 {
                Self.finish(state.started, .success, in: &state)
            } else {
                state.inProgress = InProgress(number: state.started, batchesLeft: batches, failed: false)
            }
        }
    }

    /// The processor finished exporting a batch, or gave up on one.
    func batchFinished(failed: Bool) {
        state.withLock { state in
            // A batch outside a flush is a scheduled one; the adapter configures none.
            guard var flush = state.inProgress else { return }
            flush.batchesLeft -= 1
            flush.failed = flush.failed || failed
            if flush.batchesLeft > 0 {
                state.inProgress = flush
            } else {
                state.inProgress = nil
                Self.finish(flush.number, flush.failed ? .failure : .success, in: &state)
            }
        }
    }

    private static func finish(_ number: Int, _ outcome: FlushOutcome, in state: inout State) {
        if let waiter = state.waiters.removeValue(forKey: number) {
            waiter.resume(returning: outcome)
        } else if number <= state.requested {
            state.finished[number] = outcome
        }
        // Otherwise it is the processor's own flush at shutdown, which nobody requested.
    }

    // MARK: - Shutdown

    /// Marks shutdown as begun; `true` the first time.
    func beginShutdown() -> Bool {
        state.withLock { state in
            defer { state.shutdownBegun = true }
            return !state.shutdownBegun
        }
    }

    /// Whether shutdown has begun.
    var shutdownBegun: Bool { state.withLock { $0.shutdownBegun } }

    /// Notes that span `label` is about to end; it counts as ending after the shutdown if one has begun.
    func willEnd(_ label: String) {
        state.withLock { state in
            if state.shutdownBegun { state.endedAfterShutdown.insert(label) }
        }
    }

    /// The spans that ended after shutdown began, once the service group has returned (nothing can
    /// export them any more); `nil` while it runs.
    var settledAfterShutdown: Set<String>? {
        state.withLock { $0.groupFinished ? $0.endedAfterShutdown : nil }
    }

    /// The service group returned: every service has stopped. Flushes still awaited never will finish.
    func groupDidFinish() {
        let (flushes, groups) = state.withLock { state in
            state.groupFinished = true
            defer {
                state.waiters = [:]
                state.groupWaiters = [:]
            }
            return (Array(state.waiters.values), Array(state.groupWaiters.values))
        }
        for waiter in flushes { waiter.resume(returning: .failure) }
        for waiter in groups { waiter.resume(returning: true) }
    }

    /// Waits until the service group has returned (`true`), or `timeout` (`false`).
    func groupFinished(timeout: Duration) async -> Bool {
        let id = state.withLock { state -> Int in
            state.nextGroupWaiter += 1
            return state.nextGroupWaiter
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            let waiter = self.state.withLock { $0.groupWaiters.removeValue(forKey: id) }
            waiter?.resume(returning: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                if state.groupFinished { return true }
                state.groupWaiters[id] = continuation
                return false
            }
            if done { continuation.resume(returning: true) }
        }
    }
}
