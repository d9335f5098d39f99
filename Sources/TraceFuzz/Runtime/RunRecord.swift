/// Everything one run of a scenario observed: what the invariants read.
public struct RunRecord: Sendable {
    /// The identity each span had while it was current, by label (seen from inside the span).
    public var observed: [String: SpanIdentity] = [:]
    /// Labels in the order their spans ended.
    public var ended: [String] = []
    /// Every flush: the scenario's own flush steps, then the final flush of each instance.
    public var flushes: [FlushObservation] = []
    /// Contexts left current on a worker thread after its task.
    public var leaks: [LeakObservation] = []
    /// Every span every instance exported, after the final flush.
    public var exported: [ExportedSpan] = []
    /// Dropped-span counts per instance, after the final flush.
    public var dropped: [Int] = []
    /// Set when the run did not finish before its deadline.
    public var hang: HangReport?
    /// Set when the adapter cannot run the scenario (for example it has no propagating pool).
    public var unsupported: String?
    /// How many tasks the run submitted.
    public var tasksRun = 0
    /// Whether the adapter's own executor (for `tracedPool` hops) declares that it propagates context.
    public var tracedPoolPropagates = true
    /// How each child process of a `process` hop ended, in the order they ended (a child's own children
    /// included, as it reported them).
    public var children: [ChildOutcome] = []
    /// Spans whose loss a fault named in the scenario explains: `none-lost` does not report them.
    public var expectedLosses: [ExpectedLoss] = []
    /// The language whose context rules the oracle applies to this run (a driver's runs use its own).
    public var contextRules = ContextRules.swift
    /// Exceptions tasks raised (or the tracer logged) during the run; reports name them beside the spans
    /// they cost.
    public var exceptions: [TaskException] = []
    /// What the tracer declared it can do: the invariants check only what it promises (sessions, where
    /// its IDs are unique). Everything unless a runtime says otherwise.
    public var capabilities = TracerCapabilities.all

    /// An empty record.
    public init() {}
}

/// One flush and what it had to cover.
public struct FlushObservation: Sendable, Hashable, Codable {
    /// The flush's number in the run (1-based), or 0 for the final flush.
    public var index: Int
    /// The child process the flush ran in, by its task's site (`h2.t0 process/fresh`), or `nil` for the
    /// run's own process. A child's flushes cover only what ended in that child.
    public var site: String? = nil
    /// The flushed instance.
    public var instance: Int
    /// Labels of that instance's spans whose end had returned before the flush began.
    public var endedBefore: [String]
    /// Labels that instance had exported when the flush returned.
    public var exportedAfter: Set<String>
    /// That instance's dropped-span count when the flush returned.
    public var droppedAfter: Int
    /// What the flush reported.
    public var outcome: FlushOutcome
    /// Whether this was a shutdown (which flushes first) rather than a flush.
    public var isShutdown = false
    /// Whether a shutdown of this instance had begun (here or concurrently) by the time this returned.
    public var shutdownBegunByReturn = false

    /// `flush #2`, `shutdown #3` or `the final flush`, with `in child h2.t0 process/fresh` for a child's.
    public var name: String {
        let flush = index == 0 ? "the final flush" : "\(isShutdown ? "shutdown" : "flush") #\(index)"
        return site.map { "\(flush) in child \($0)" } ?? flush
    }

    /// Whether this is the run's own final flush, which must cover every span the scenario makes.
    public var isFinalFlushOfRun: Bool { index == 0 && site == nil }
}

/// A context found current on a worker thread where none should be: left behind after a task, or
/// already there when a task started (left by an earlier task on the same pooled thread).
public struct LeakObservation: Sendable, Hashable, Codable {
    /// Where the task ran, such as `h2.t1 pool/none`.
    public var site: String
    /// The span left behind.
    public var leftover: SpanIdentity
    /// `true` if found when the task started, `false` if found after it finished.
    public var beforeTask: Bool
}

/// A run that did not finish before its deadline.
public struct HangReport: Sendable, Hashable {
    /// The deadline that passed, in milliseconds.
    public var deadlineMillis: Int
    /// The tasks still pending, by site.
    public var pending: [String]
    /// The child processes the watchdog killed, as `site (pid N)`.
    public var killedProcesses: [String] = []
    /// Labels of the spans that had arrived from those children when they were killed, sorted.
    public var arrived: [String] = []
    /// `true` when the run never started: no thread of Swift's cooperative pool came free for it within
    /// the deadline (earlier runs' stuck tasks may hold them all).
    public var neverStarted = false
}

/// An exception a task raised, or that the tracer logged instead of raising, during a run.
public struct TaskException: Sendable, Hashable, Codable {
    /// Where: the task's site (`h1.t2 pool/shared`), or the thread the tracer logged it on.
    public var site: String
    /// The exception's type, such as `RuntimeError`.
    public var exceptionType: String
    /// Its message.
    public var message: String
    /// What raised it: `task`, `submit`, `pool worker`, or `logger NAME` for one the tracer logged.
    public var `where`: String

    /// Creates an exception record.
    public init(site: String, exceptionType: String, message: String, where: String) {
        self.site = site
        self.exceptionType = exceptionType
        self.message = message
        self.where = `where`
    }

    /// `RuntimeError: cannot enter context: … is already entered (h1.t1 pool/shared)`.
    public var description: String { "\(exceptionType): \(message) (\(site))" }
}
