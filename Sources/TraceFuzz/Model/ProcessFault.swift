/// A fault the child process of one task of a `process` hop commits on purpose. It is named in the
/// scenario, so the oracle knows what to expect: a loss it explains is an *expected loss*, not a finding.
///
/// ```json
/// { "hop" : { "executor" : "process", "strategy" : "fresh",
///             "fault" : { "kind" : "crash", "task" : 0, "afterSpans" : 1, "signal" : 6 },
///             "tasks" : [ [ { "span" : { "label" : "work" } } ] ] } }
/// ```
///
/// - `noFlush`: the child runs its steps, then exits without its final flush; the spans it reports
///   ended but not exported are expected losses.
/// - `crash`: the child dies on `signal` once `afterSpans` of its own spans have ended; the signal is
///   recorded, and its spans that did not arrive are expected losses.
/// - `hang`: the child blocks for good once `afterSpans` of its own spans have ended; the run's watchdog
///   kills it at the deadline, a `deadline` finding listing the spans that arrived.
/// - `garbage`: the child writes a line that is not protocol once `afterSpans` of its own spans have
///   ended; a `child-protocol` finding names the task and the line.
public struct ProcessFault: Codable, Hashable, Sendable {
    /// What the child does wrong.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// Exits without flushing its tracer instances (child-exits-before-flush).
        case noFlush
        /// Dies on a signal.
        case crash
        /// Stops making progress; the run's watchdog kills it at the deadline.
        case hang
        /// Writes a line that is not part of the line protocol to its standard output.
        case garbage

        /// Whether the fault always makes the run a finding (`hang`, `garbage`), rather than an
        /// expected loss the run must account for (`noFlush`, `crash`).
        public var isFinding: Bool { self == .hang || self == .garbage }
    }

    /// The signals a `crash` may name: `SIGILL` (a Swift trap), `SIGABRT`, `SIGKILL`, `SIGSEGV`.
    public static let crashSignals = [4, 6, 9, 11]
    /// The signal of a `crash` that names none: `SIGABRT`.
    public static let defaultCrashSignal = 6

    /// What the child does wrong.
    public var kind: Kind
    /// The index of the hop's task whose child commits the fault.
    public var task: Int
    /// For `crash`, `hang` and `garbage`: how many of the child's own spans end before the fault strikes
    /// (0: before its first step). A child with fewer spans commits it after its last step, before
    /// its final flush. Ignored by `noFlush`.
    public var afterSpans: Int
    /// For `crash`: the signal the child dies on (see ``crashSignals``); `nil` means
    /// ``defaultCrashSignal``. Not allowed on other kinds.
    public var signal: Int?

    /// Creates a fault.
    public init(kind: Kind, task: Int = 0, afterSpans: Int = 0, signal: Int? = nil) {
        self.kind = kind
        self.task = task
        self.afterSpans = afterSpans
        self.signal = signal
    }

    /// The signal a `crash` dies on.
    public var crashSignal: Int { signal ?? Self.defaultCrashSignal }

    private enum CodingKeys: String, CodingKey { case kind, task, afterSpans, signal }

    /// Decodes a fault; `task` and `afterSpans` default to 0, `signal` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        task = try container.decodeIfPresent(Int.self, forKey: .task) ?? 0
        afterSpans = try container.decodeIfPresent(Int.self, forKey: .afterSpans) ?? 0
        signal = try container.decodeIfPresent(Int.self, forKey: .signal)
    }
}
