import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed-size pool of worker threads that run submitted closures in FIFO order.
///
/// This pool does **not** carry trace context: a task sees whatever the worker thread happens to have,
/// which is nothing. It is the raw executor the harness plants bugs into; use ``TracedThreadPool`` to
/// propagate the submitter's context.
///
/// Tasks start in submission order (with one worker they also finish in that order). ``shutdown(_:)``
/// stops the pool and joins every worker thread. Work submitted after shutdown began is rejected: the
/// returned handle is already failed with ``ThreadPoolError/rejected`` and ``rejectedCount`` counts it.
///
/// ```swift
/// let pool = ThreadPool(threads: 4)
/// let handles = (0..<10).map { n in pool.submit { n * n } }
/// let squares = try handles.map { try $0.wait() }
/// pool.shutdown()
/// ```
public final class ThreadPool: Sendable {
    /// What ``shutdown(_:)`` does with work that is queued but not yet started.
    public enum ShutdownMode: Hashable, Sendable {
        /// Run every queued task, then stop. New submissions are rejected from the moment shutdown begins.
        case drain
        /// Reject new submissions and every queued task that has not started (their handles fail with
        /// ``ThreadPoolError/rejected``); tasks already running finish, then the pool stops.
        case rejectNew
    }

    /// The number of worker threads.
    public let threadCount: Int
    private let core: Core
    private let workers: [JoinableThread]

    /// Starts `threads` worker threads (at least one), named `name.0`, `name.1`, and so on.
    public init(threads: Int, name: String = "pool") {
        precondition(threads >= 1, "a thread pool needs at least one thread")
        let core = Core()
        self.core = core
        threadCount = threads
        workers = (0..<threads).map { index in
            core.exited.enter()
            return JoinableThread(name: "\(name).\(index)") {
                core.runWorker()
                core.exited.leave()
            }
        }
    }

    deinit {
        core.beginShutdown(.drain)
        if workers.contains(where: \.isCurrent) {
            for worker in workers { worker.detach() }
        } else {
            for worker in workers { worker.join() }
        }
    }

    /// Queues `body`; returns a handle to its result.
    ///
    /// After shutdown began the handle is already failed with ``ThreadPoolError/rejected``.
    @inlinable @discardableResult
    public func submit<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) -> WorkHandle<Value> {
        let handle = WorkHandle<Value>()
        let accepted = enqueue { run in
            handle.complete(run ? Result(catching: body) : .failure(ThreadPoolError.rejected))
        }
        if !accepted { handle.complete(.failure(ThreadPoolError.rejected)) }
        return handle
    }

    /// Queues a job (called with `true` to run it, `false` to reject it); `false` if already rejected.
    @usableFromInline
    func enqueue(_ job: @escaping @Sendable (_ run: Bool) -> Void) -> Bool { core.enqueue(job) }

    /// Queues `body` with no handle (cheaper); returns `false` if it was rejected.
    @discardableResult
    public func execute(_ body: @escaping @Sendable () -> Void) -> Bool {
        core.enqueue { run in if run { body() } }
    }

    /// Stops the pool and waits until every worker thread has exited and been joined. Idempotent.
    ///
    /// Called from one of this pool's own tasks, it begins the shutdown and returns without waiting
    /// (a thread cannot join itself); the workers are then detached instead of joined.
    public func shutdown(_ mode: ShutdownMode = .drain) {
        core.beginShutdown(mode)
        if workers.contains(where: \.isCurrent) {
            for worker in workers { worker.detach() }
            return
        }
        core.exited.wait()
        for worker in workers { worker.join() }
    }

    /// Tasks rejected so far: submitted after shutdown, or discarded by ``ShutdownMode/rejectNew``.
    public var rejectedCount: Int { core.state.withLock { $0.rejected } }

    /// Whether ``shutdown(_:)`` has begun.
    public var isShutdown: Bool { core.state.withLock { $0.isShutdown } }
}

extension ThreadPool {
    /// A queued task: called with `true` to run it, with `false` to reject it.
    typealias Job = @Sendable (_ run: Bool) -> Void

    /// The state shared by the pool and its workers (the workers do not keep the pool alive).
    ///
    /// A worker that finds the queue empty counts itself idle and sleeps on ``available``; a submit
    /// wakes one idle worker, if any. Busy workers take the next task without touching the semaphore.
    final class Core: Sendable {
        let state = StateLock(State())
        /// Signalled once per idle worker chosen to wake up.
        let available = DispatchSemaphore(value: 0)
        /// Entered once per worker, left when that worker's loop returns.
        let exited = DispatchGroup()

        struct State {
            var queue = RingBuffer<Job>(capacity: 64)
            var isShutdown = false
            var rejected = 0
            /// Workers asleep (or about to sleep) that no one has chosen to wake yet.
            var idleWorkers = 0
        }

        private enum Step {
            case run(Job)
            case yield
            case sleep
            case exit
        }

        /// How many times a worker that finds the queue empty yields its CPU and looks again before it
        /// sleeps: under a steady stream of tasks this saves a futex sleep and wake per task.
        static let yieldsBeforeSleeping = 3

        func enqueue(_ job: @escaping Job) -> Bool {
            let (accepted, wake) = state.withLock { state in
                if state.isShutdown {
                    state.rejected += 1
                    return (false, false)
                }
                state.queue.append(job)
                guard state.idleWorkers > 0 else { return (true, false) }
                state.idleWorkers -= 1
                return (true, true)
            }
            if wake { available.signal() }
            return accepted
        }

        /// Marks the pool shut down (once), rejects queued work for `.rejectNew`, and wakes every idle
        /// worker so it can drain the queue and exit.
        func beginShutdown(_ mode: ShutdownMode) {
            let outcome: (discarded: [Job], wakes: Int)? = state.withLock { state in
                if state.isShutdown { return nil }
                state.isShutdown = true
                let discarded = mode == .rejectNew ? state.queue.removeAll() : []
                state.rejected += discarded.count
                defer { state.idleWorkers = 0 }
                return (discarded, state.idleWorkers)
            }
            guard let outcome else { return }
            for job in outcome.discarded { job(false) }
            for _ in 0..<outcome.wakes { available.signal() }
        }

        /// Takes tasks in order until the pool is shut down and the queue is empty.
        func runWorker() {
            var emptyLooks = 0
            while true {
                let step = state.withLock { state -> Step in
                    if let job = state.queue.popFirst() { return .run(job) }
                    if state.isShutdown { return .exit }
                    if emptyLooks < Self.yieldsBeforeSleeping { return .yield }
                    state.idleWorkers += 1
                    return .sleep
                }
                switch step {
                case .run(let job):
                    emptyLooks = 0
                    job(true)
                case .yield:
                    emptyLooks += 1
                    sched_yield()
                case .sleep:
                    emptyLooks = 0
                    available.wait()
                case .exit: return
                }
            }
        }
    }
}
