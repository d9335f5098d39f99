import Testing
@testable import TraceFuzz

/// A runtime whose every run misses its deadline, as a stuck tracer would.
private struct HangingRuntime: ScenarioRuntime {
    func run<Factory: TracerAdapterFactory>(_ scenario: Scenario, factory: Factory, seed: UInt64) async -> RunRecord {
        var record = RunRecord()
        record.hang = HangReport(deadlineMillis: scenario.deadlineMillis, pending: ["h1.t0"])
        return record
    }
}

@Suite("Fuzzer keeps going")
struct FuzzerKeepGoingTests {
    @Test("without stopAtFirstFinding, a hang does not end the run: every scenario of the budget runs")
    func goesOnAfterHangs() async {
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory(), runtime: HangingRuntime())
        let report = await fuzzer.run(seed: 5, budget: .iterations(4), stopAtFirstFinding: false)
        #expect(report.statistics.scenarios == 4)
        #expect(report.findings.map(\.invariant) == Array(repeating: "deadline", count: 4))
        #expect(report.findings.map(\.seed) == [5, 6, 7, 8])

        let first = await fuzzer.run(seed: 5, budget: .iterations(4))
        #expect(first.findings.count == 1 && first.statistics.scenarios == 1)
    }
}
