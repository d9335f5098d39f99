import Dispatch
import TraceCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The live child processes of one run, so the run's watchdog can kill every one of them at the
/// deadline and wait until each has been reaped: no child outlives its run.
///
/// A child is registered right after it is spawned, marked exited once `waitid(…, WNOWAIT)` has seen it
/// exit (it is then a zombie, so its process ID cannot be reused), and removed once it has been reaped
/// and its results merged. Signals go only to children not yet marked exited, under the lock, so a
/// signal can never reach a recycled process ID.
final class ChildRegistry: Sendable {
    private let state = StateLock(State())

    private struct State {
        var live: [Int32: Entry] = [:]
        var closed = false
        var waiters: [DispatchSemaphore] = []
    }

    private struct Entry {
        var site: String
        var exited = false
        var killed = false
        /// Whether the child leads a process group of its own, killed whole.
        var leadsGroup = false

        /// What `kill` is sent to: the child's group when it leads one, else the child.
        func target(_ pid: Int32) -> Int32 { leadsGroup ? -pid : pid }
    }

    /// A child the watchdog killed.
    struct Killed: Sendable, Hashable {
        /// Its task's site.
        var site: String
        /// Its process ID.
        var pid: Int32
    }

    /// Registers a spawned child, which leads a process group of its own if `leadsGroup` (then signals
    /// go to the whole group: the child's own children too). If the registry is already closed (the
    /// run's deadline passed), the child is killed at once and marked killed.
    func add(_ pid: Int32, site: String, leadsGroup: Bool = false) {
        state.withLock { state in
            var entry = Entry(site: site, leadsGroup: leadsGroup)
            if state.closed {
                kill(entry.target(pid), SIGKILL)
                entry.killed = true
            }
            state.live[pid] = entry
        }
    }

    /// Marks a child exited: it will not be signalled any more. Call before reaping it.
    func markExited(_ pid: Int32) {
        state.withLock { $0.live[pid]?.exited = true }
    }

    /// Whether the registry killed the child.
    func wasKilled(_ pid: Int32) -> Bool {
        state.withLock { $0.live[pid]?.killed ?? false }
    }

    /// Forgets a reaped child, waking anyone waiting for the registry to empty.
    func remove(_ pid: Int32) {
        let waiters: [DispatchSemaphore] = state.withLock { state in
            state.live[pid] = nil
            guard state.live.isEmpty else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.signal() }
    }

    /// Closes the registry and sends `SIGKILL` to every child still running; later children are killed
    /// as soon as they are registered. Returns the children it killed.
    @discardableResult
    func killAll() -> [Killed] {
        state.withLock { state in
            state.closed = true
            var killed: [Killed] = []
            for (pid, entry) in state.live where !entry.exited && !entry.killed {
                kill(entry.target(pid), SIGKILL)
                state.live[pid]?.killed = true
                killed.append(Killed(site: entry.site, pid: pid))
            }
            return killed.sorted { $0.site < $1.site }
        }
    }

    /// Blocks until every registered child has been reaped, or `timeout` passes; `true` if empty.
    func waitUntilEmpty(timeout: DispatchTimeInterval) -> Bool {
        let semaphore = DispatchSemaphore(value: 0)
        let empty = state.withLock { state in
            if state.live.isEmpty { return true }
            state.waiters.append(semaphore)
            return false
        }
        if empty { return true }
        return semaphore.wait(timeout: .now() + timeout) == .success
    }

    /// How many children are registered and not yet reaped.
    var count: Int { state.withLock { $0.live.count } }
}
