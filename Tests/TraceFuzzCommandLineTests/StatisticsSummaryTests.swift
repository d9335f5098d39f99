import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("StatisticsSummary")
struct StatisticsSummaryTests {
    private var statistics: FuzzStatistics {
        var statistics = FuzzStatistics()
        statistics.scenarios = 1200
        statistics.spans = 15_000
        statistics.tasks = 9000
        statistics.seconds = 2.5
        statistics.executors = ["pool": 40, "task": 90, "thread": 40]
        statistics.strategies = ["fresh": 100, "none": 70]
        statistics.invariants = ["right-parent": 15_000]
        return statistics
    }

    @Test("totals, rate and time come first, aligned")
    func totals() {
        let lines = StatisticsSummary.lines(statistics, options: GeneratorOptions())
        #expect(
            Array(lines.prefix(8)) == [
                "statistics",
                "  scenarios     1,200",
                "  spans        15,000",
                "  tasks         9,000",
                "  time           2.50 s",
                "  rate          480.0 scenarios/s",
                "  unsupported       0",
                "  findings          0",
            ])
    }

    @Test("counts are sorted by count then name, with enabled names at zero")
    func sorted() {
        let rows = StatisticsSummary.sorted(
            ["pool": 40, "task": 90, "thread": 40], including: ["asyncLet", "pool"])
        #expect(rows.map(\.name) == ["task", "pool", "thread", "asyncLet"])
        #expect(rows.map(\.count) == [90, 40, 40, 0])
    }

    @Test("every executor, strategy and invariant has a line")
    func sections() {
        let text = StatisticsSummary.lines(statistics, options: GeneratorOptions()).joined(separator: "\n")
        for name in GeneratorFlags.executorNames + GeneratorFlags.strategyNames + Invariants.names {
            #expect(text.contains("  \(name) "), "missing \(name)")
        }
        #expect(text.contains("executors (hops)\n  task                90\n"))
    }
}
