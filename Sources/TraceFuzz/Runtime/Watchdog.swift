import Dispatch

/// A one-shot timer: calls its handler once its deadline passes, unless cancelled first.
///
/// Cancelling lets go of the handler, and of everything it captured, at once. A cancelled
/// `DispatchWorkItem` scheduled with `asyncAfter` does not: it stays queued, holding its closure, until
/// its deadline comes. A run's watchdog captures the whole run (its adapter, exported spans and log), so
/// with work items every run of the last ``Scenario/deadlineMillis`` stayed alive after it returned:
/// ten seconds of runs, hundreds of megabytes in a fast fuzz loop.
///
/// ```swift
/// let watchdog = Watchdog(after: .milliseconds(scenario.deadlineMillis)) { reportHang() }
/// // … the run finishes in time:
/// watchdog.cancel()
/// ```
final class Watchdog: Sendable {
    /// Dispatch sources may be used from any thread; the protocol is just not marked `Sendable`.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer

    /// Arms a timer that calls `handler` on a global queue after `delay`.
    init(after delay: DispatchTimeInterval, _ handler: @escaping @Sendable () -> Void) {
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.setEventHandler(handler: handler)
        timer.schedule(deadline: .now() + delay)
        timer.activate()
    }

    /// Disarms the timer if it has not fired and drops its handler. Idempotent; safe while it fires.
    func cancel() { timer.cancel() }

    deinit { timer.cancel() }
}
