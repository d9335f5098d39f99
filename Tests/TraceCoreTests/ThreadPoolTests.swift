import Foundation
import Testing
import TraceCore

@Suite("ThreadPool") struct ThreadPoolTests {
    struct Failure: Error, Equatable {}

    @Test("handles return each task's value or rethrow its error", arguments: [1, 2, 4])
    func handles(threads: Int) throws {
        let pool = ThreadPool(threads: threads)
        defer { pool.shutdown() }
        let handles = (0..<50).map { n in pool.submit { n * n } }
        #expect(try handles.map { try $0.wait() } == (0..<50).map { $0 * $0 })
        let failing = pool.submit { () throws -> Int in throw Failure() }
        #expect(throws: Failure.self) { try failing.wait() }
    }

    @Test("tasks start in submission order (one worker runs them in order)")
    func fifo() throws {
        let pool = ThreadPool(threads: 1)
        let order = Locked<[Int]>([])
        for index in 0..<200 { pool.execute { order.withLock { $0.append(index) } } }
        pool.shutdown(.drain)
        #expect(order.value == Array(0..<200))
    }

    @Test("an awaited handle delivers the value without blocking the task")
    func awaitValue() async throws {
        let pool = ThreadPool(threads: 2)
        defer { pool.shutdown() }
        let value = try await pool.submit { "done" }.value
        #expect(value == "done")
        let failing = pool.submit { () throws -> Int in throw Failure() }
        await #expect(throws: Failure.self) { try await failing.value }
    }

    @Test("a handle's timed wait returns nil while the task is blocked")
    func timedWait() throws {
        let pool = ThreadPool(threads: 1)
        let gate = Gate()
        let handle = pool.submit { gate.wait() }
        #expect(handle.result(timeout: .milliseconds(1)) == nil)
        #expect(!handle.isCompleted)
        gate.open()
        try handle.wait()
        #expect(handle.isCompleted)
        pool.shutdown()
    }

    /// Blocks the only worker, queues `queued` tasks, shuts down with `mode` from another thread,
    /// then releases the worker once shutdown has begun.
    private func shutdownWithQueuedWork(_ mode: ThreadPool.ShutdownMode, queued: Int) -> (
        ran: [Int], results: [Result<Int, any Error>], pool: ThreadPool
    ) {
        let pool = ThreadPool(threads: 1)
        let gate = Gate()
        let started = Gate()
        let ran = Locked<[Int]>([])
        let blocker = pool.submit {
            started.open()
            gate.wait()
            return -1
        }
        started.wait()
        let handles = (0..<queued).map { index in
            pool.submit {
                ran.withLock { $0.append(index) }
                return index
            }
        }
        let stopper = Gate()
        Thread.detachNewThread {
            pool.shutdown(mode)
            stopper.open()
        }
        while !pool.isShutdown { Thread.sleep(forTimeInterval: 0.001) }
        gate.open()
        stopper.wait()
        #expect((try? blocker.wait()) == -1)
        return (ran.value, handles.map { $0.result(timeout: .zero)! }, pool)
    }

    @Test("shutdown(.drain) runs every queued task, then rejects new work")
    func drain() throws {
        let (ran, results, pool) = shutdownWithQueuedWork(.drain, queued: 5)
        #expect(ran == [0, 1, 2, 3, 4])
        #expect(try results.map { try $0.get() } == [0, 1, 2, 3, 4])
        #expect(pool.rejectedCount == 0)
        #expect(throws: ThreadPoolError.rejected) { try pool.submit { 1 }.wait() }
        #expect(pool.rejectedCount == 1)
    }

    @Test("shutdown(.rejectNew) rejects queued tasks that had not started")
    func rejectNew() throws {
        let (ran, results, pool) = shutdownWithQueuedWork(.rejectNew, queued: 5)
        #expect(ran.isEmpty)
        for result in results {
            #expect(throws: ThreadPoolError.rejected) { try result.get() }
        }
        #expect(pool.rejectedCount == 5)
        #expect(pool.execute {} == false)
        #expect(pool.rejectedCount == 6)
    }

    @Test("shutdown is idempotent and safe from many threads at once")
    func idempotentShutdown() {
        let pool = ThreadPool(threads: 3)
        let count = Locked(0)
        for _ in 0..<100 { pool.execute { count.withLock { $0 += 1 } } }
        onThreads(4) { _ in pool.shutdown() }
        pool.shutdown()
        #expect(count.value == 100)
        #expect(pool.isShutdown)
    }

    @Test("shutdown called from one of the pool's own tasks returns instead of deadlocking")
    func shutdownFromWorker() throws {
        let pool = ThreadPool(threads: 2)
        try pool.submit { pool.shutdown(.drain) }.wait()
        #expect(pool.isShutdown)
    }

    @Test("the raw pool does not carry context: a task under a span sees none")
    func noPropagation() throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let pool = ThreadPool(threads: 2)
        defer { pool.shutdown() }
        try tracer.withSpan("parent") { _ in
            try pool.submit { tracer.withSpan("task") { _ in } }.wait()
        }
        #expect(exporter.finishedSpans().named("task")?.parentSpanID == nil)
    }
}
