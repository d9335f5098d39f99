import Testing
@testable import TraceFuzz

/// The checker times each invariant it checks, and the statistics add those times up by name: JUnit's
/// per-case times.
@Suite("Checker: time per invariant")
struct CheckerTimingTests {
    @Test("every invariant checked has a duration; a hung run has one for the deadline alone")
    func durations() {
        let scenario = IDUniquenessTests.scenario
        let record = IDUniquenessTests.record(.global)
        let result = Checker().check(scenario, record: record)
        #expect(Set(result.durations.keys) == Set(Invariants.names))
        #expect(result.durations.values.allSatisfy { $0 >= .zero })
        var statistics = FuzzStatistics()
        statistics.count(result, record: record)
        statistics.count(result, record: record)
        for (name, duration) in result.durations {
            let (seconds, attoseconds) = duration.components
            let once = Double(seconds) + Double(attoseconds) * 1e-18
            #expect(abs((statistics.checkSeconds[name] ?? -1) - 2 * once) < 1e-12)
        }

        var hung = record
        hung.hang = HangReport(deadlineMillis: 10, pending: [])
        #expect(Array(Checker().check(scenario, record: hung).durations.keys) == ["deadline"])
    }
}
