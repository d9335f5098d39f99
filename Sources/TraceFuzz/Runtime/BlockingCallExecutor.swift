import Foundation

/// Runs an async call to its end on the calling thread: a task executor whose jobs the blocked caller
/// runs itself, so a synchronous worker (a pool thread, a Dispatch worker, a thread) can await the
/// tracer's async flush without needing a thread of the cooperative pool, which may all be busy.
///
/// ```swift
/// BlockingCallExecutor.run { await execution.flush(instance: 0) }
/// ```
final class BlockingCallExecutor: TaskExecutor, @unchecked Sendable {
    // Touched only under `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    /// Runs `body` in a task that prefers this executor, and runs its jobs on this thread until it ends.
    static func run(_ body: @escaping @Sendable () async -> Void) {
        let executor = BlockingCallExecutor()
        Task(executorPreference: executor) {
            await body()
            executor.finish()
        }
        executor.runUntilFinished()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func runUntilFinished() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
