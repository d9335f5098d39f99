import TraceFuzz

/// `--iterations N` or `--time DURATION`: how long `run` and `stress` fuzz.
///
/// ```swift
/// var flags = BudgetFlags()
/// var scanner = ArgumentScanner(["--time", "30s"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// try flags.budget(or: .iterations(1000))   // .time(.seconds(30))
/// ```
struct BudgetFlags: Hashable, Sendable {
    /// What a duration flag expects, for its error message.
    static let durationExpected = "a duration such as 500ms, 30s, 5m or 1h, from 1ms to 10000h"

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

    /// The budget the flags name, or `fallback` when they name none; both at once is bad usage.
    func budget(or fallback: FuzzBudget) throws(UsageError) -> FuzzBudget {
        switch (iterations, time) {
        case (.some, .some): throw UsageError("--iterations and --time cannot be combined: choose one budget")
        case (let count?, nil): .iterations(count)
        case (nil, let limit?): .time(limit)
        case (nil, nil): fallback
        }
    }
}
