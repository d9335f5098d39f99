/// A failing run: the scenario, how to make it again, and what broke.
public struct Finding: Sendable {
    /// The seed the scenario was generated from, if it was generated.
    public var seed: UInt64?
    /// The choices that generated it, if it was generated.
    public var choices: ChoiceSequence?
    /// The failing scenario.
    public var scenario: Scenario
    /// What broke, the first violation first.
    public var violations: [Violation]
    /// What the failing run observed.
    public var record: RunRecord

    /// The first broken invariant's name.
    public var invariant: String { violations.first?.invariant ?? "none" }

    /// Creates a finding.
    public init(seed: UInt64?, choices: ChoiceSequence?, scenario: Scenario, violations: [Violation], record: RunRecord) {
        self.seed = seed
        self.choices = choices
        self.scenario = scenario
        self.violations = violations
        self.record = record
    }
}
