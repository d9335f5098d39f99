import Testing
import TraceFuzz

/// TraceCore holds every invariant for every executor × strategy, over many seeds each.
///
/// Serialized: each combination's fuzz loop gets the machine to itself. Forty loops at once (with other
/// suites blocking the two cooperative threads) starve scenarios past their deadline under ThreadSanitizer.
@Suite("Properties of TraceCore", .serialized)
struct PropertyTests {
    static let executors = ExecutorKind.allCases.filter { $0 != .process && !ExecutorKind.driverOnly.contains($0) }
    static let seedsPerCombination = 50

    @Test("every invariant holds", arguments: executors, PropagationStrategy.allCases)
    func invariantsHold(executor: ExecutorKind, strategy: PropagationStrategy) async {
        var options = GeneratorOptions()
        options.executorWeights = [executor: 1]
        options.strategyWeights = [strategy: 1]
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory(), options: options)
        let report = await fuzzer.run(
            seed: StableSeed.of("\(executor.rawValue)/\(strategy.rawValue)"),
            budget: .iterations(Self.seedsPerCombination), stopAtFirstFinding: true)
        #expect(report.statistics.scenarios == Self.seedsPerCombination)
        #expect(report.statistics.executors[executor.rawValue, default: 0] > 0, "the combination was exercised")
        for finding in report.findings {
            Issue.record("seed \(finding.seed.map { "0x" + String($0, radix: 16) } ?? "?"): \(finding.violations)")
        }
    }
}

/// A seed derived from a name, the same in every process (unlike `hashValue`).
enum StableSeed {
    static func of(_ name: String) -> UInt64 {
        name.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
