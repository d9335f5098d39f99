/// A named property every run must have. Each invariant reads a ``CheckInput`` and reports what broke.
///
/// ```swift
/// struct NoEmptyRuns: Invariant {
///     var name: String { "no-empty-runs" }
///     func check(_ input: CheckInput) -> [Violation] {
///         input.record.exported.isEmpty
///             ? [Violation(invariant: name, message: "nothing was exported", mark: .run)] : []
///     }
/// }
/// ```
public protocol Invariant: Sendable {
    /// A short kebab-case name, such as `right-parent`.
    var name: String { get }
    /// Checks one run.
    func check(_ input: CheckInput) -> [Violation]
    /// How many things this invariant examined in a run, for coverage statistics.
    func coverage(_ input: CheckInput) -> Int
}

extension Invariant {
    /// One per span the oracle expects.
    public func coverage(_ input: CheckInput) -> Int { input.expectations.count }
}

/// The built-in invariants, in the order findings are reported.
public enum Invariants {
    /// Every invariant TraceFuzz checks by default.
    public static let all: [any Invariant] = [
        DeadlineInvariant(), CleanWorkerInvariant(), RightParentInvariant(), RightTraceInvariant(),
        NoLossInvariant(), DropsAccountedInvariant(), NoDuplicatesInvariant(), InstanceIsolationInvariant(),
        ChildProtocolInvariant(),
    ]

    /// The names of every built-in invariant.
    public static var names: [String] { all.map(\.name) }
}
