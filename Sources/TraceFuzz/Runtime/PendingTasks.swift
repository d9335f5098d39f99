import Synchronization
import TraceCore

/// Tracks the tasks of a run that have been submitted and not yet finished, so the run can join
/// fire-and-forget work before its final flush, and name what is stuck when the deadline passes.
final class PendingTasks: Sendable {
    private let state = StateLock(State())

    private struct State {
        var pending: [Int: String] = [:]
        var nextID = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Registers a task about to be submitted; returns its ticket.
    func begin(_ site: String) -> Int {
        state.withLock { state in
            state.nextID += 1
            state.pending[state.nextID] = site
            return state.nextID
        }
    }

    /// Marks a task finished.
    func end(_ ticket: Int) {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.pending[ticket] = nil
            guard state.pending.isEmpty else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until no task is pending.
    func waitUntilIdle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state in
                if state.pending.isEmpty { return true }
                state.waiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    /// The sites of the tasks still pending, sorted.
    func snapshot() -> [String] {
        state.withLock { Array($0.pending.values) }.sorted()
    }
}
