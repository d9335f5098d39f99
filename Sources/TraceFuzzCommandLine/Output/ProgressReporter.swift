import Synchronization
import TraceFuzz

/// Prints a progress line on standard error about once a second during a long run: time, scenarios,
/// rate and findings. Runs shorter than the interval print nothing.
///
/// ```text
/// [  3s] 1,482 scenarios, 494/s, 0 findings
/// ```
final class ProgressReporter: Sendable {
    private let console: Console
    private let interval: Double
    private let nextReport: Mutex<Double>

    /// Reports to `console` every `interval` seconds of run time.
    init(console: Console, interval: Double = 1) {
        self.console = console
        self.interval = interval
        nextReport = Mutex(interval)
    }

    /// Called after every scenario with the statistics so far; prints if a report is due.
    func update(_ statistics: FuzzStatistics) {
        let due = nextReport.withLock { next -> Bool in
            guard statistics.seconds >= next else { return false }
            while next <= statistics.seconds { next += interval }
            return true
        }
        if due { console.error(Self.line(statistics)) }
    }

    /// One progress line.
    static func line(_ statistics: FuzzStatistics) -> String {
        let seconds = String(Int(statistics.seconds.rounded(.down)))
        let padded = String(repeating: " ", count: max(0, 3 - seconds.count)) + seconds
        let findings = statistics.findings == 1 ? "1 finding" : "\(statistics.findings) findings"
        return "[\(padded)s] \(Format.grouped(statistics.scenarios)) scenarios, "
            + "\(Format.grouped(Int(statistics.scenariosPerSecond.rounded())))/s, \(findings)"
    }
}
