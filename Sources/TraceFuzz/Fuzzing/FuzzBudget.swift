/// How long a fuzz run goes on: a number of scenarios, a wall-time limit, or both (whichever is reached
/// first ends the run). With neither, a run has no end but its first finding or its caller.
///
/// ```swift
/// let nightly = FuzzBudget(iterations: 100_000, time: .seconds(3600))
/// let quick = FuzzBudget.iterations(200)
/// ```
public struct FuzzBudget: Hashable, Sendable {
    /// The most scenarios to run, or `nil` for no limit by count.
    public var iterations: Int?
    /// The most wall time to spend (the current scenario finishes first), or `nil` for no limit by time.
    public var time: Duration?

    /// A budget of at most `iterations` scenarios and at most `time`.
    public init(iterations: Int? = nil, time: Duration? = nil) {
        self.iterations = iterations
        self.time = time
    }

    /// A fixed number of scenarios.
    public static func iterations(_ count: Int) -> FuzzBudget { FuzzBudget(iterations: count) }

    /// Until this much wall time has passed (the current scenario finishes first).
    public static func time(_ limit: Duration) -> FuzzBudget { FuzzBudget(time: limit) }

    /// Whether a run that has run `scenarios` scenarios in `elapsed` must stop. A time budget always
    /// lets the first scenario run.
    public func isSpent(scenarios: UInt64, elapsed: Duration) -> Bool {
        if let iterations, scenarios >= UInt64(max(iterations, 0)) { return true }
        if let time, scenarios > 0, elapsed >= time { return true }
        return false
    }
}
