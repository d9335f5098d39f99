/// How a run carries out `process` hops.
///
/// ```swift
/// var options = ProcessHopOptions()
/// options.worker = WorkerExecutable(path: "/usr/local/bin/tracefuzz")
/// let runtime = RealRuntime(processes: options)
/// ```
public struct ProcessHopOptions: Hashable, Sendable {
    /// The worker executable; `nil` finds it with ``WorkerLocator`` when a scenario first needs it.
    public var worker: WorkerExecutable?
    /// Whether every worker, at every depth, reports its own hygiene (descriptors, zombies, pipes) in
    /// ``ChildOutcome/diagnostics``.
    public var diagnostics = false
    /// A fault every direct child commits *without the scenario naming it*: a planted defect in the
    /// worker, to show what TraceFuzz reports for it (`.noFlush` is child-exits-before-flush, found as
    /// `none-lost`). `nil` in normal use.
    public var unannouncedFault: ProcessFault.Kind?

    /// The default options: the worker found by ``WorkerLocator``, no diagnostics, no planted fault.
    public init() {}
}
