import Foundation
import Testing
import TraceFuzz

extension ProcessHopTests {
    /// The corpus's worker that forgets to flush: its loss is exactly what it reported unflushed, every run.
    @Suite("Process hops: the corpus's forgetful worker")
    struct ProcessCorpusTests {
        @Test("process-worker-forgets-to-flush.json loses exactly its unflushed spans, and only from task 0")
        func forgetfulWorker() async throws {
            let url = CorpusLocation.directory.appendingPathComponent("process-worker-forgets-to-flush.json")
            let scenario = try ScenarioLoader.load(contentsOf: url)
            let expected = Set(Oracle.expectations(for: scenario).map(\.label))
            for seed in 1...3 as ClosedRange<UInt64> {
                let outcome = await ProcessTesting.run(scenario, seed: seed)
                #expect(outcome.violations.isEmpty, "seed \(seed): \(outcome.violations)")
                let missing = expected.subtracting(outcome.record.exported.map(\.label))
                let unflushed = Set(outcome.record.children.flatMap(\.unflushed))
                #expect(missing == unflushed, "seed \(seed)")
                #expect(Set(outcome.record.expectedLosses.map(\.label)) == unflushed, "seed \(seed)")
                #expect(missing.allSatisfy { $0.hasPrefix("forgetful") }, "seed \(seed): \(missing.sorted())")
            }
        }
    }
}
