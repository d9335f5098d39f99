/// What shrinking a finding did: the finding before and after, and the work it took.
///
/// ```swift
/// let report = await fuzzer.shrinkReport(finding)
/// if report.didShrink { print("\(report.candidatesRun) candidates run") }
/// ```
public struct ShrinkReport: Sendable {
    /// The finding as it was found.
    public var original: Finding
    /// The smallest finding that still fails the same invariant; ``original`` if none was smaller.
    public var shrunk: Finding
    /// How many candidate scenarios were run.
    public var candidatesRun: Int
    /// How many candidates were kept as the new smallest.
    public var improvements: Int

    /// Creates a report.
    public init(original: Finding, shrunk: Finding, candidatesRun: Int, improvements: Int) {
        self.original = original
        self.shrunk = shrunk
        self.candidatesRun = candidatesRun
        self.improvements = improvements
    }

    /// Whether the shrunk finding differs from the original.
    public var didShrink: Bool { improvements > 0 && shrunk.scenario != original.scenario }
}
