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
        var remote = RemoteResults()
    }

    /// What child processes delivered: kept apart from the run's own ends, which its flushes cover.
    private struct RemoteResults {
        var spans: [ExportedSpan] = []
        var ended: [String] = []
        var dropped: [Int: Int] = [:]
        var tasksRun = 0
        var children: [ChildOutcome] = []
        var losses: [ExpectedLoss] = []
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

    // MARK: - Results of child processes

    /// A span a child process delivered.
    func remoteSpan(_ span: ExportedSpan) { state.withLock { $0.remote.spans.append(span) } }

    /// A span that ended in a child process.
    func remoteEnded(_ label: String) { state.withLock { $0.remote.ended.append(label) } }

    /// Spans a child process's instance dropped.
    func remoteDropped(instance: Int, count: Int) {
        state.withLock { $0.remote.dropped[instance, default: 0] += count }
    }

    /// Tasks a child process ran.
    func remoteTasks(_ count: Int) { state.withLock { $0.remote.tasksRun += count } }

    /// How a child process ended.
    func child(_ outcome: ChildOutcome) { state.withLock { $0.remote.children.append(outcome) } }

    /// A loss a named fault explains.
    func expectedLoss(_ loss: ExpectedLoss) { state.withLock { $0.remote.losses.append(loss) } }

    /// Spans child processes delivered for `instance` so far.
    func remoteSpans(instance: Int) -> [ExportedSpan] {
        state.withLock { $0.remote.spans.filter { $0.exportedBy == instance } }
    }

    /// Every span child processes delivered so far.
    func remoteSpans() -> [ExportedSpan] { state.withLock { $0.remote.spans } }

    /// Spans child processes counted as dropped for `instance`.
    func remoteDropped(instance: Int) -> Int { state.withLock { $0.remote.dropped[instance] ?? 0 } }

    /// Copies the log into a record: the run's own observations and, merged in, its children's.
    func fill(_ record: inout RunRecord) {
        state.withLock { state in
            record.observed = state.observed
            record.ended = state.ended + state.remote.ended
            record.flushes = state.flushes
            record.leaks = state.leaks
            record.tasksRun = state.tasksRun + state.remote.tasksRun
            record.tracedPoolPropagates = state.tracedPoolPropagates
            record.unsupported = state.unsupported
            record.children = state.remote.children
            record.expectedLosses = state.remote.losses
        }
    }
}
