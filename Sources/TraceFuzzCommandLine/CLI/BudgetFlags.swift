import TraceFuzz

/// `--iterations N` and `--time DURATION`: how long `run` and `stress` fuzz. Given both, a run ends at
/// whichever comes first.
///
/// ```swift
/// var flags = BudgetFlags()
/// var scanner = ArgumentScanner(["--time", "30s"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// try flags.budget(or: .iterations(1000))   // .time(.seconds(30))
/// ```
struct BudgetFlags: Hashable, Sendable {
    /// What a duration flag expects, for its error message.
    static let durationExpected = "a duration such as 500ms, 30s, 5m or 1h"

    /// `--iterations`, if given.
    var iterations: Int?
    /// `--time`, if given.
    var time: Duration?

    /// Reads flag `name` if it is a budget flag: `true` if it was one.
    mutating func parse(_ name: String, from scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch name {
        case "iterations": iterations = try RunCommand.positiveInteger(name, &scanner)
        case "time":
            let duration: Duration = try scanner.value(
                for: name, expected: Self.durationExpected, Duration.init(parsing:))
            time = duration
        default: return false
        }
        return true
    }

    /// The budget the flags name (a count, a time, or both), or `fallback` when they name none.
    func budget(or fallback: FuzzBudget) throws(UsageError) -> FuzzBudget {
        iterations == nil && time == nil ? fallback : FuzzBudget(iterations: iterations, time: time)
    }
}
