public import TraceFuzz
import TraceCore
import Tracing

/// A fixed-size thread pool that carries the submitter's `ServiceContext` into each task: the
/// propagating executor of ``DistributedTracingAdapter`` (`tracedPool` hops).
///
/// Each submit captures `ServiceContext.current`; the worker binds it around the task with
/// `ServiceContext.withValue`, so nothing is left on the pooled thread afterwards.
public struct ServiceContextPoolExecutor: WorkExecutor {
    private let pool: ThreadPool

    /// A pool of `width` threads.
    public init(width: Int) {
        pool = ThreadPool(threads: max(1, width), name: "tracefuzz-service-context-pool")
    }

    /// It captures at submit and restores in the worker.
    public var propagatesContext: Bool { true }

    /// Runs `work` on a pool thread with the submitter's context bound.
    public func submit(_ work: @escaping @Sendable () -> Void) {
        let context = ServiceContext.current
        _ = pool.execute { ServiceContext.withValue(context) { work() } }
    }

    /// Drains the queue and joins the threads.
    public func shutdown() { pool.shutdown(.drain) }
}
