/// Runs invariants over one run and collects what broke and what was examined.
///
/// ```swift
/// let result = Checker().check(scenario, record: record)
/// for violation in result.violations { print(violation) }
/// ```
public struct Checker: Sendable {
    /// The invariants checked, in reporting order.
    public var invariants: [any Invariant]

    /// Creates a checker; by default with every built-in invariant.
    public init(invariants: [any Invariant] = Invariants.all) { self.invariants = invariants }

    /// Checks one run. When the run hung, only the hang is reported: everything else is incomplete.
    public func check(_ scenario: Scenario, record: RunRecord) -> CheckResult {
        let expectations = Oracle.expectations(
            for: scenario, tracedPoolPropagates: record.tracedPoolPropagates, rules: record.contextRules)
        return check(CheckInput(scenario: scenario, expectations: expectations, record: record))
    }

    /// Checks an already indexed run.
    public func check(_ input: CheckInput) -> CheckResult {
        var result = CheckResult()
        let clock = ContinuousClock()
        for invariant in invariants {
            if input.record.hang != nil && !(invariant is DeadlineInvariant) { continue }
            let started = clock.now
            result.violations += invariant.check(input)
            result.coverage[invariant.name, default: 0] += invariant.coverage(input)
            result.durations[invariant.name, default: .zero] += clock.now - started
        }
        return result
    }
}

/// What one check found.
public struct CheckResult: Sendable {
    /// Every violation, in invariant order.
    public var violations: [Violation] = []
    /// How many things each invariant examined.
    public var coverage: [String: Int] = [:]
    /// How long each invariant took to check.
    public var durations: [String: Duration] = [:]

    /// Whether nothing broke.
    public var passed: Bool { violations.isEmpty }
}
