/// `--no-shrink` and `--shrink-budget N`: whether and how hard `run` and `stress` shrink each finding.
///
/// ```swift
/// var flags = ShrinkFlags()
/// var scanner = ArgumentScanner(["--shrink-budget", "100"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// flags.budget   // 100
/// ```
struct ShrinkFlags: Hashable, Sendable {
    /// Candidates a shrink runs by default.
    static let defaultBudget = 300
    /// Runs a candidate gets before it counts as passing (races do not fail every run).
    static let defaultAttempts = 3

    /// Whether to shrink findings.
    var enabled = true
    /// The most candidates one shrink runs.
    var budget = ShrinkFlags.defaultBudget

    /// The flags and what they set, for help texts.
    static let help = """
          --no-shrink           report findings as found, without shrinking them
          --shrink-budget N     run at most N candidates when shrinking a finding (default \(defaultBudget))
        """

    /// Defaults: shrink, with the default budget.
    init() {}

    /// Reads flag `name` if it is a shrink flag: `true` if it was one.
    mutating func parse(_ name: String, from scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch name {
        case "no-shrink": enabled = false
        case "shrink-budget": budget = try RunCommand.positiveInteger(name, &scanner)
        default: return false
        }
        return true
    }
}
