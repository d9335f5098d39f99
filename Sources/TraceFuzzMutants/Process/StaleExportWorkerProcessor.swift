import Foundation
import TraceCore

/// fork-stale-worker: the batch processor a child process inherited from its parent, whose export worker
/// thread did not survive the fork. Ended spans go into a queue no thread drains; a flush hands its
/// request to the missing worker and gives up waiting, so nothing the child ends is ever exported.
///
/// The wait is capped at ``patience`` (a flush may give up before its deadline): the child blocks for a
/// moment, not for the whole flush timeout, which keeps each run of the mutant short.
final class StaleExportWorkerProcessor: SpanProcessor {
    /// How long a flush or shutdown waits for the worker that never answers.
    static let patience = Duration.milliseconds(20)

    private let queued = StateLock([SpanData]())

    func onEnd(_ span: SpanData) { queued.withLock { $0.append(span) } }

    func forceFlush(timeout: Duration) -> FlushResult { waitForMissingWorker(timeout) }

    func shutdown(timeout: Duration) -> FlushResult { waitForMissingWorker(timeout) }

    private func waitForMissingWorker(_ timeout: Duration) -> FlushResult {
        let wait = min(timeout, Self.patience)
        let (seconds, attoseconds) = wait.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
        return .timeout
    }
}
