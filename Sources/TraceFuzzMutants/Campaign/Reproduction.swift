import TraceFuzz

/// When a scenario counts as failing an invariant: in at least `required` of `attempts` runs.
///
/// Races do not fail every run. Asking for more than one failure keeps a shrinker from accepting a
/// candidate that failed once by luck, and so from drifting to a reproduction that hardly ever fails.
public struct Reproduction: Hashable, Sendable {
    /// Failures needed.
    public var required: Int
    /// Runs allowed.
    public var attempts: Int

    /// Creates a rule; by default three failures in at most ten runs.
    public init(required: Int = 3, attempts: Int = 10) {
        self.required = max(1, required)
        self.attempts = max(self.required, attempts)
    }

    /// Whether `scenario` breaks `invariant` (among what it breaks: a mutant may break several at once,
    /// in an order that varies from run to run) often enough. Stops as soon as the answer is known.
    public func fails<Factory>(
        _ scenario: Scenario, invariant: String, seed: UInt64, fuzzer: Fuzzer<Factory>
    ) async -> Bool {
        var failures = 0
        for run in 0..<attempts {
            let outcome = await fuzzer.check(scenario, seed: seed)
            if outcome.violations.contains(where: { $0.invariant == invariant }) { failures += 1 }
            if failures >= required { return true }
            if failures + (attempts - run - 1) < required { return false }
        }
        return false
    }
}
