import Dispatch
import Foundation
import Synchronization
import TraceCore

/// A small work queue of the user's own: a fixed set of threads that run submitted closures in FIFO
/// order, each with the TraceCore context that was current where it was submitted.
///
/// The context is captured in ``submit(_:)`` and restored around the closure on the worker thread, so
/// a span started in the closure is a child of the submitter's span, and the worker thread is left
/// with no context afterwards.
///
/// ```swift
/// let queue = MyWorkQueue(threads: 4)
/// queue.submit { print(TraceContext.current as Any) }  // the submitter's context
/// queue.shutdown()
/// ```
public final class MyWorkQueue: Sendable {
    /// A submitted closure and the context to run it in.
    private struct Job: Sendable {
        let context: SpanContext?
        let work: @Sendable () -> Void
    }

    /// The queued jobs, and whether ``shutdown()`` has begun.
    private struct State {
        var jobs: [Job] = []
        var head = 0
        var isShutdown = false
    }

    /// The number of worker threads.
    public let threadCount: Int
    private let state = Mutex(State())
    /// Signalled once per submitted job and once per worker at shutdown.
    private let wakeups = DispatchSemaphore(value: 0)
    /// Entered once per worker, left when its loop returns.
    private let exited = DispatchGroup()

    /// Starts `threads` worker threads (at least one), named `name.0`, `name.1`, and so on.
    public init(threads: Int, name: String = "my-work-queue") {
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            exited.enter()
            let thread = Thread { [self] in
                runWorker()
                exited.leave()
            }
            thread.name = "\(name).\(index)"
            thread.start()
        }
    }

    /// Queues `work` to run on a worker thread with the caller's current TraceCore context. Submitting
    /// after ``shutdown()`` is a programming error.
    public func submit(_ work: @escaping @Sendable () -> Void) {
        let job = Job(context: TraceContext.current, work: work)
        let accepted = state.withLock { state in
            guard !state.isShutdown else { return false }
            state.jobs.append(job)
            return true
        }
        precondition(accepted, "MyWorkQueue: submit after shutdown")
        wakeups.signal()
    }

    /// Runs what is queued, stops the workers and waits for them to exit. Call it once, and not from
    /// one of this queue's own closures.
    public func shutdown() {
        state.withLock { $0.isShutdown = true }
        for _ in 0..<threadCount { wakeups.signal() }
        exited.wait()
    }

    /// What a worker does after a wakeup.
    private enum Step: Sendable {
        case run(Job)
        case wait
        case exit
    }

    /// One worker's loop: every wakeup runs the next job, or ends the loop once the queue is empty and
    /// shutdown has begun.
    private func runWorker() {
        while true {
            wakeups.wait()
            switch state.withLock({ Self.nextStep(&$0) }) {
            case .run(let job): TraceContext.withContext(job.context, job.work)
            case .wait: continue
            case .exit: return
            }
        }
    }

    /// Takes the next job off the queue, if there is one.
    private static func nextStep(_ state: inout State) -> Step {
        guard state.head < state.jobs.count else { return state.isShutdown ? .exit : .wait }
        let job = state.jobs[state.head]
        state.head += 1
        if state.head == state.jobs.count {
            state.jobs.removeAll(keepingCapacity: true)
            state.head = 0
        }
        return .run(job)
    }
}
