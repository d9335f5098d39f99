import TraceFuzz

/// What a campaign found for one mutant.
public struct MutantResult: Hashable, Sendable, Codable {
    /// The mutant's catalog id.
    public var id: String
    /// Whether a finding turned up within the budget.
    public var killed: Bool
    /// Scenarios run up to and including the first finding (or in all, if none).
    public var scenarios: Int
    /// Seconds to the first finding (or the whole budget, if none).
    public var seconds: Double
    /// The invariant the reported scenario breaks.
    public var invariant: String?
    /// The reported finding's first violation, as it was found (before shrinking).
    public var message: String?
    /// The seed of the reported scenario: the first finding's, or that of the first finding that
    /// reproduced when the first one did not.
    public var seed: UInt64?
    /// Hops and spans of the reported scenario as generated.
    public var found: ScenarioSize?
    /// Hops and spans of the shrunk scenario.
    public var shrunk: ScenarioSize?
    /// Seconds spent shrinking.
    public var shrinkSeconds: Double?
    /// The shrunk scenario, for a report or a replay.
    public var scenario: Scenario?
    /// Why the mutant was not run, when it could not be.
    public var skipped: String?

    /// A result for a mutant that was not run.
    public static func skipped(_ id: String, reason: String) -> MutantResult {
        MutantResult(id: id, killed: false, scenarios: 0, seconds: 0, skipped: reason)
    }

    /// Creates a result.
    public init(
        id: String, killed: Bool, scenarios: Int, seconds: Double, invariant: String? = nil,
        message: String? = nil, seed: UInt64? = nil,
        found: ScenarioSize? = nil, shrunk: ScenarioSize? = nil, shrinkSeconds: Double? = nil,
        scenario: Scenario? = nil, skipped: String? = nil
    ) {
        self.id = id
        self.killed = killed
        self.scenarios = scenarios
        self.seconds = seconds
        self.invariant = invariant
        self.message = message
        self.seed = seed
        self.found = found
        self.shrunk = shrunk
        self.shrinkSeconds = shrinkSeconds
        self.scenario = scenario
        self.skipped = skipped
    }
}
