import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("CheckerWorkload")
struct CheckerWorkloadTests {
    @Test("the benchmark scenario is valid and has 65 spans per request")
    func scenario() throws {
        let scenario = CheckerWorkload.scenario(requests: 64)
        #expect(Oracle.expectations(for: scenario).count == 4160)
        let reloaded = try ScenarioLoader.decode(ScenarioLoader.encode(scenario))
        #expect(reloaded == scenario)
    }

    @Test("its recorded run against TraceCore passes every invariant")
    func passes() async {
        let workload = await CheckerWorkload.make(requests: 8)
        #expect(workload.spans == 520)
        let result = Checker().check(workload.scenario, record: workload.record)
        #expect(result.violations.isEmpty, "\(result.violations.first?.description ?? "")")
        #expect(workload.record.exported.count == 520)
    }
}
