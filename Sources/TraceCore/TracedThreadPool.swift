/// A fixed-size thread pool that carries the submitter's trace context into every task.
///
/// Each ``submit(_:)`` captures ``TraceContext/current`` at that moment (a value copy, so nothing is
/// shared between tasks) and restores it around the task with
/// ``TraceContext/withWorkerContext(_:_:)``. After each task the worker is left clean: a context the
/// task attached and did not detach is removed and counted as ``ContextMisuse/leftAttached``.
///
/// Same API and lifecycle as ``ThreadPool``.
///
/// ```swift
/// let pool = TracedThreadPool(threads: 4)
/// tracer.withSpan("request") { _ in
///     let handle = pool.submit { tracer.withSpan("query") { _ in 42 } }  // a child of "request"
///     _ = try? handle.wait()
/// }
/// pool.shutdown()
/// ```
public final class TracedThreadPool: Sendable {
    @usableFromInline let base: ThreadPool

    /// Starts `threads` worker threads (at least one).
    public init(threads: Int, name: String = "traced-pool") {
        base = ThreadPool(threads: threads, name: name)
    }

    /// The number of worker threads.
    public var threadCount: Int { base.threadCount }

    /// Queues `body` to run under the context current now; returns a handle to its result.
    ///
    /// After shutdown began the handle is already failed with ``ThreadPoolError/rejected``.
    @inlinable @discardableResult
    public func submit<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) -> WorkHandle<Value> {
        let context = TraceContext.current
        let handle = WorkHandle<Value>()
        // One closure for capture, restore and completion: a task costs one allocation besides the handle.
        let accepted = base.enqueue { run in
            handle.complete(
                run
                    ? Result { try TraceContext.withWorkerContext(context, body) }
                    : .failure(ThreadPoolError.rejected))
        }
        if !accepted { handle.complete(.failure(ThreadPoolError.rejected)) }
        return handle
    }

    /// Queues `body` to run under the context current now, with no handle; returns `false` if rejected.
    @discardableResult
    public func execute(_ body: @escaping @Sendable () -> Void) -> Bool {
        let context = TraceContext.current
        return base.execute { TraceContext.withWorkerContext(context, body) }
    }

    /// Stops the pool and joins its threads; see ``ThreadPool/shutdown(_:)``. Idempotent.
    public func shutdown(_ mode: ThreadPool.ShutdownMode = .drain) { base.shutdown(mode) }

    /// Tasks rejected so far.
    public var rejectedCount: Int { base.rejectedCount }

    /// Whether ``shutdown(_:)`` has begun.
    public var isShutdown: Bool { base.isShutdown }
}
