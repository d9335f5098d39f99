import TraceFuzz

/// Where a mutant's defect lives when it lives in the child processes of `process` hops rather than in
/// the parent's tracer.
///
/// The parent then runs the mutant's control (correct TraceCore) and only the children misbehave, as in
/// the bugs these rows come from: a child that never flushes, a child whose export worker did not survive
/// the fork, a child whose exit hook closes the exporter before the last flush.
///
/// ```swift
/// let mutant = MutantCatalog.mutant("fork-stale-worker")!
/// let runtime = try mutant.plantedRuntime()   // children run `tracefuzz worker --mutant fork-stale-worker`
/// ```
public enum ChildDefect: Sendable {
    /// Every direct child commits this fault without the scenario naming it
    /// (``ProcessHopOptions/unannouncedFault``).
    case fault(ProcessFault.Kind)
    /// Every child, at every depth, runs `tracefuzz worker --mutant ID`, whose entry point is this: it
    /// runs ``ProcessWorker/main(factory:arguments:atExit:)`` with the broken tracer and returns the
    /// worker's exit status. `arguments` start the same broken worker for the child's own process hops.
    case worker(main: @Sendable (_ arguments: [String]) async -> Int32)
}
