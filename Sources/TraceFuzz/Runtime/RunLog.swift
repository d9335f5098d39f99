import Synchronization
import TraceCore

/// The thread-safe log a run writes while it executes.
final class RunLog: Sendable {
    private let state = StateLock(State())

    private struct State {
        var observed: [String: SpanIdentity] = [:]
        var ended: [String] = []
        var endedByInstance: [Int: [String]] = [:]
        var flushes: [FlushObservation] = []
        var leaks: [LeakObservation] = []
        var flushCounter = 0
        var shutdownBegun: Set<Int> = []
        var tracedPoolPropagates = true
        var unsupported: String?
        var tasksRun = 0
    }

    func observe(_ label: String, _ identity: SpanIdentity?) {
        guard let identity else { return }
        state.withLock { $0.observed[label] = identity }
    }

    func ended(_ label: String, instance: Int) {
        state.withLock { state in
            state.ended.append(label)
            state.endedByInstance[instance, default: []].append(label)
        }
    }

    func endedLabels(instance: Int) -> [String] {
        state.withLock { $0.endedByInstance[instance] ?? [] }
    }

    func nextFlushIndex() -> Int {
        state.withLock { state in
            state.flushCounter += 1
            return state.flushCounter
        }
    }

    func record(_ flush: FlushObservation) { state.withLock { $0.flushes.append(flush) } }

    /// Notes what the adapter's own executor for `tracedPool` hops declares.
    func tracedPool(propagates: Bool) { state.withLock { $0.tracedPoolPropagates = propagates } }

    /// Notes that the adapter cannot run part of the scenario.
    func unsupported(_ reason: String) { state.withLock { $0.unsupported = $0.unsupported ?? reason } }

    /// Notes that a shutdown of `instance` is about to begin.
    func shutdownBegins(instance: Int) { state.withLock { _ = $0.shutdownBegun.insert(instance) } }

    /// Whether a shutdown of `instance` has begun.
    func hasShutdownBegun(instance: Int) -> Bool { state.withLock { $0.shutdownBegun.contains(instance) } }

    func leak(_ leak: LeakObservation) { state.withLock { $0.leaks.append(leak) } }

    func taskStarted() { state.withLock { $0.tasksRun += 1 } }

    /// Copies the log into a record.
    func fill(_ record: inout RunRecord) {
        state.withLock { state in
            record.observed = state.observed
            record.ended = state.ended
            record.flushes = state.flushes
            record.leaks = state.leaks
            record.tasksRun = state.tasksRun
            record.tracedPoolPropagates = state.tracedPoolPropagates
            record.unsupported = state.unsupported
        }
    }
}
