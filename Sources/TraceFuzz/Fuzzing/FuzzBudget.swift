/// How long a fuzz run goes on.
public enum FuzzBudget: Hashable, Sendable {
    /// A fixed number of scenarios.
    case iterations(Int)
    /// Until this much wall time has passed (the current scenario finishes first).
    case time(Duration)
}
