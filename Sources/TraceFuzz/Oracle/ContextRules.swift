/// Which executors carry the submitter's context into a worker with no help from the caller, per
/// language: the oracle's rule table.
///
/// `fresh`, `shared` and `carrier` always carry the submitter's span in every language (a `shared` copy
/// that a language cannot share, such as Python's concurrently entered `Context`, makes the task fail, and
/// that loss is a finding). Under `none` the table decides:
///
/// | executor | Swift | Python |
/// |---|---|---|
/// | `task`, `taskGroup`, `asyncLet` | inherits (task-locals) | inherits (`create_task`, `TaskGroup`, `gather` copy the context) |
/// | `tracedPool` | inherits if the executor says it propagates | the traced executor copies per submit |
/// | `toThread` | — | inherits (`asyncio.to_thread` copies the context) |
/// | `forkProcess` | — | inherits (`fork` copies the submitter's thread) |
/// | everything else | a new root | a new root (threads, pools, `run_in_executor`, `spawn`, and pool workers, which must not keep a stale context) |
///
/// ```swift
/// ContextRules.python.inherits(.toThread, strategy: .none)   // true
/// ContextRules.swift.inherits(.thread, strategy: .none)      // false
/// ```
public enum ContextRules: String, Hashable, Sendable, Codable, CaseIterable {
    /// Swift's: task-locals flow into `Task {}`, task groups and `async let`.
    case swift
    /// Python's contextvars: asyncio tasks and `to_thread` copy the context at creation; threads, pools
    /// and `run_in_executor` start empty; `fork` carries the submitter's context and `spawn` does not.
    case python

    /// The executors whose workers see the submitter's context under `none` (besides a `tracedPool`
    /// whose executor declares that it propagates).
    public var inheritingExecutors: Set<ExecutorKind> {
        switch self {
        case .swift: [.task, .taskGroup, .asyncLet]
        case .python: [.task, .taskGroup, .asyncLet, .toThread, .forkProcess]
        }
    }

    /// Whether a hop's worker sees the submitter's context.
    public func inherits(_ executor: ExecutorKind, strategy: PropagationStrategy, tracedPoolPropagates: Bool = true)
        -> Bool
    {
        strategy != .none || inheritingExecutors.contains(executor) || (executor == .tracedPool && tracedPoolPropagates)
    }
}
