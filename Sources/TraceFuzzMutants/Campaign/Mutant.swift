import TraceFuzz

/// One row of the planted-bug catalog: a deliberately broken tracer or executor adapter that TraceFuzz
/// must find.
///
/// ```swift
/// let mutant = MutantCatalog.mutant("pool-no-propagation")!
/// let fuzzer = Fuzzer(factory: mutant.factory)   // opens the existential
/// ```
public struct Mutant: Sendable {
    /// The catalog row's id, such as `pool-no-propagation`.
    public let id: String
    /// What is broken, in a sentence.
    public let mechanism: String
    /// The invariants expected to catch it, the likeliest first.
    public let invariants: [String]
    /// Why this mutant cannot run in this build, or `nil` when it can.
    public let unavailable: String?
    /// Makes the broken adapter for every run.
    public let factory: any TracerAdapterFactory
    /// Makes the same adapter with the defect taken out: what must pass where the mutant fails.
    public let control: any TracerAdapterFactory
    /// The defect the mutant plants in child processes, or `nil` when it lives in ``factory`` alone.
    public let child: ChildDefect?

    /// Creates a catalog entry.
    public init(
        id: String, mechanism: String, invariants: [String], unavailable: String? = nil,
        factory: any TracerAdapterFactory, control: any TracerAdapterFactory, child: ChildDefect? = nil
    ) {
        self.id = id
        self.mechanism = mechanism
        self.invariants = invariants
        self.unavailable = unavailable
        self.factory = factory
        self.control = control
        self.child = child
    }

    /// The arguments that start this mutant's broken worker: `worker --mutant ID`.
    public var workerArguments: [String] { ["worker", "--mutant", id] }

    /// `base` with the mutant's ``child`` defect planted in its process hops (unchanged when there is
    /// none). A ``ChildDefect/worker(main:)`` defect needs the `tracefuzz` executable, found with
    /// ``WorkerLocator`` unless `base` names one.
    public func plantedRuntime(_ base: RealRuntime = RealRuntime()) throws(WorkerLocatorError) -> RealRuntime {
        var runtime = base
        switch child {
        case nil: break
        case .fault(let kind): runtime.processes.unannouncedFault = kind
        case .worker:
            let path: String
            if let named = base.processes.worker?.path { path = named } else { path = try WorkerLocator.locate().path }
            runtime.processes.worker = WorkerExecutable(path: path, arguments: workerArguments)
        }
        return runtime
    }
}
