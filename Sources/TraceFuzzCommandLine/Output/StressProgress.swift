import Synchronization
import TraceFuzz

/// The progress lines of `tracefuzz stress`, on standard error every interval of wall time: elapsed and
/// budget, scenarios, rate, findings, and what is left (time, or scenarios for an `--iterations` budget).
///
/// ```text
/// [1m10s/10m] 35,210 scenarios, 503/s, 1 finding, 8m50s left
/// [12s/5000 scenarios] 3,010 scenarios, 251/s, 0 findings, 1,990 left
/// ```
///
/// The session runs in stretches (it stops to shrink each finding); ``settle(_:)`` adds a finished
/// stretch, and ``update(_:)`` reports the one under way on top of those.
final class StressProgress: Sendable {
    private struct State {
        var settled = FuzzStatistics()
        var extraFindings = 0
        var nextReport: Double
    }

    private let console: Console
    private let interval: Double
    private let budget: FuzzBudget
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let state: Mutex<State>

    /// Reports to `console` every `interval` seconds of a session with `budget`, starting now.
    init(console: Console, interval: Double, budget: FuzzBudget) {
        self.console = console
        self.interval = interval
        self.budget = budget
        start = clock.now
        state = Mutex(State(nextReport: interval))
    }

    /// Seconds since the session started.
    var elapsed: Double { (clock.now - start).seconds }

    /// Counts findings made outside the fuzz loop (regressions from the failure database).
    func addFindings(_ count: Int) { state.withLock { $0.extraFindings += count } }

    /// Adds a finished stretch's statistics.
    func settle(_ statistics: FuzzStatistics) { state.withLock { $0.settled.merge(statistics) } }

    /// Called after every scenario of the stretch under way; prints a line if one is due.
    func update(_ stretch: FuzzStatistics) {
        let now = elapsed
        let line = state.withLock { state -> String? in
            guard now >= state.nextReport else { return nil }
            while state.nextReport <= now { state.nextReport += interval }
            return Self.line(
                scenarios: state.settled.scenarios + stretch.scenarios,
                findings: state.settled.findings + stretch.findings + state.extraFindings, elapsed: now,
                budget: budget)
        }
        if let line { console.error(line) }
    }

    /// Prints a line now, whatever the schedule, such as `[1m10s/10m] shrinking right-parent in 0x2b…`.
    func note(_ text: String) { console.error("[\(Format.clock(elapsed))/\(Self.describe(budget))] \(text)") }

    /// One progress line.
    static func line(scenarios: Int, findings: Int, elapsed: Double, budget: FuzzBudget) -> String {
        let rate = elapsed > 0 ? Double(scenarios) / elapsed : 0
        let found = findings == 1 ? "1 finding" : "\(findings) findings"
        var parts: [String] = []
        if let count = budget.iterations { parts.append(Format.grouped(max(0, count - scenarios))) }
        if let limit = budget.time { parts.append(Format.clock(max(0, limit.seconds - elapsed).rounded(.up))) }
        let left = parts.joined(separator: " or ")
        return "[\(Format.clock(elapsed))/\(describe(budget))] \(Format.grouped(scenarios)) scenarios, "
            + "\(Format.grouped(Int(rate.rounded())))/s, \(found), \(left) left"
    }

    /// The budget as the command line spells it: `10m`, `1500ms`, `5000 scenarios`.
    static func describe(_ budget: FuzzBudget) -> String { budget.commandLineForm }
}
