/// Where the tasks of a hop run.
public enum ExecutorKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A fixed-size thread pool that does not propagate context by itself (`width` threads).
    case pool
    /// The tracer's own context-propagating pool, if the adapter has one (`width` threads).
    case tracedPool
    /// A concurrent `DispatchQueue`.
    case dispatchConcurrent
    /// A serial `DispatchQueue`.
    case dispatchSerial
    /// An `OperationQueue` with `width` concurrent operations.
    case operationQueue
    /// A new `Thread` per task.
    case thread
    /// An unstructured `Task {}` per task (inherits task-locals).
    case task
    /// A `Task.detached` per task (inherits nothing).
    case detachedTask
    /// A child task of a task group per task (inherits task-locals; always joined).
    case taskGroup
    /// An `async let` per task (inherits task-locals; always joined).
    case asyncLet
    /// A child process per task: the task's steps run as a sub-scenario in a worker process
    /// (`tracefuzz worker`), with a tracer of its own. Inherits nothing; context crosses only as
    /// the strategy serializes it (`carrier`: `TRACEPARENT`/`TRACESTATE` in the child's environment;
    /// `fresh`, `shared`: a header dictionary in the request).
    case process
    /// Python's `asyncio.to_thread` per task: a worker thread that starts with a copy of the caller's
    /// context. Only the Python driver runs it.
    case toThread
    /// Python's `loop.run_in_executor(None, …)` per task: a pooled thread that starts with an empty
    /// context. Only the Python driver runs it.
    case runInExecutor
    /// A child process per task started by `fork` (Python's `multiprocessing`, `fork`): the child starts
    /// with a copy of the submitter's context. Only the Python driver runs it.
    case forkProcess
    /// A process pool (`ProcessPoolExecutor(width)`, `spawn`) whose workers start empty and live long.
    /// Only the Python driver runs it.
    case processPool
    /// A process pool started by `fork` (`ProcessPoolExecutor(width)`, `fork`): a worker keeps the context
    /// of the submit that forked it. Only the Python driver runs it.
    case forkProcessPool

    /// The executors only a language driver runs (the Swift runtime has no counterpart).
    public static let driverOnly: Set<ExecutorKind> = [.toThread, .runInExecutor, .forkProcess, .processPool, .forkProcessPool]

    /// Whether Swift's task-local inheritance carries context into the worker with no help.
    public var inheritsTaskLocals: Bool {
        switch self {
        case .task, .taskGroup, .asyncLet: true
        default: false
        }
    }

    /// Whether the worker runs steps as async code (a Swift task) rather than on a plain thread.
    public var runsAsync: Bool {
        switch self {
        case .task, .detachedTask, .taskGroup, .asyncLet: true
        default: false
        }
    }

    /// Whether the hop is structured and therefore always joined.
    public var isStructured: Bool { self == .taskGroup || self == .asyncLet }

    /// Whether `width` is meaningful.
    public var hasWidth: Bool {
        switch self {
        case .pool, .tracedPool, .operationQueue, .processPool, .forkProcessPool: true
        default: false
        }
    }

    /// Whether the tasks run in child processes (which never meet at a barrier).
    public var runsInChildProcess: Bool {
        switch self {
        case .process, .forkProcess, .processPool, .forkProcessPool: true
        default: false
        }
    }

    /// Whether a hop of this kind may name a fault for one task's child (one child process per task).
    public var takesFaults: Bool { self == .process || self == .forkProcess }

    /// Whether a worker may block waiting for a nested joined hop. Dispatch's concurrent queues and
    /// `OperationQueue` share a pool sized to the cores; blocking their workers on nested work starves
    /// it for seconds on Linux, so joined hops directly inside their tasks are rejected.
    public var workerMayBlock: Bool { self != .dispatchConcurrent && self != .operationQueue }
}

/// How the submitter's context reaches the worker of a hop.
public enum PropagationStrategy: String, Codable, Hashable, Sendable, CaseIterable {
    /// Capture the context at every submit and restore it in the worker.
    case fresh
    /// Capture the context once and reuse the captured value for every submit.
    case shared
    /// Do nothing: only Swift's own task-local inheritance applies.
    case none
    /// Inject the context into a header dictionary at submit; extract it in the worker.
    case carrier
}
