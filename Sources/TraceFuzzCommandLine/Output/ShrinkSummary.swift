import TraceFuzz

/// What shrinking did, in one line: the size before and after, and the candidates it ran.
///
/// ```text
/// 4 hops, 12 spans → 1 hop, 2 spans (57 candidates run, 6 kept)
/// ```
struct ShrinkSummary: Hashable, Sendable, CustomStringConvertible {
    /// The original scenario's size.
    var from: ScenarioSize
    /// The shrunk scenario's size.
    var to: ScenarioSize
    /// Candidates run.
    var candidatesRun: Int
    /// Candidates kept as the new smallest.
    var improvements: Int

    /// The summary of a shrink report.
    init(_ report: ShrinkReport) {
        from = ScenarioSize(report.original.scenario)
        to = ScenarioSize(report.shrunk.scenario)
        candidatesRun = report.candidatesRun
        improvements = report.improvements
    }

    /// `4 hops, 12 spans → 1 hop, 2 spans (57 candidates run, 6 kept)`.
    var description: String {
        "\(from) → \(to) (\(Self.candidates(candidatesRun)) run, \(improvements) kept)"
    }

    /// Why a finding was not shrunk when no candidate was kept:
    /// `no smaller scenario fails none-lost (57 candidates run)`.
    static func noSmaller(_ invariant: String, _ candidatesRun: Int) -> String {
        "no smaller scenario fails \(invariant) (\(candidates(candidatesRun)) run)"
    }

    /// `1 candidate`, `57 candidates`.
    static func candidates(_ count: Int) -> String { count == 1 ? "1 candidate" : "\(count) candidates" }
}
