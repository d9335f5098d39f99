import Foundation
import Synchronization
import Testing
import TraceCore
import TraceFuzz

@testable import TraceFuzzCommandLine

/// Shared material for the tests of shrinking, the failure database, reports and stress.
enum PlantedRuns {
    /// Generator flags under which the forgetful adapter fails on almost every scenario.
    static let flags = ["--executors", "pool", "--strategies", "fresh", "--max-depth", "2"]

    /// The generator options those flags set.
    static var options: GeneratorOptions {
        var options = GeneratorOptions()
        options.maxDepth = 2
        options.executorWeights = [.pool: 3]
        options.strategyWeights = [.fresh: 3]
        return options
    }

    /// A scenario that always misses its 10 ms deadline: one span sleeping 100 ms.
    static let hangScenario = #"""
        {"format": 1, "deadlineMillis": 10,
         "steps": [{"span": {"label": "slow", "children": [{"sleep": {"micros": 100000}}]}}]}
        """#

    /// The first finding of the forgetful adapter from `seed` under ``flags``.
    static func finding(seed: UInt64 = 0x100) async throws -> Finding {
        let fuzzer = Fuzzer(factory: ForgetfulAdapterFactory(), options: options)
        return try #require(await fuzzer.run(seed: seed, budget: .iterations(50)).findings.first)
    }

    /// Saves `finding` to a database in `directory` as found against `tracer`; returns the entry's URL.
    static func store(_ finding: Finding, tracer: String, in directory: URL) throws -> URL {
        try FailureDatabase(directory: directory).save(
            StoredFinding(finding, tracer: tracer, options: options))
    }

    /// The JSON object in the file at `path`.
    static func object(at path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The value after `prefix` on the first output line that starts with it.
    static func line(_ prefix: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count))
        }
    }
}

/// TraceCore, remembering the seed of every run it makes an adapter for.
struct SeedRecordingFactory: TracerAdapterFactory {
    /// The seeds, in order.
    final class Seeds: Sendable {
        private let seeds = Mutex<[UInt64]>([])
        func append(_ seed: UInt64) { seeds.withLock { $0.append(seed) } }
        var all: [UInt64] { seeds.withLock { $0 } }
    }

    let seeds = Seeds()
    var name: String { "TraceCore" }
    var capabilities: TracerCapabilities { .all }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> TraceCoreAdapter {
        seeds.append(seed)
        return TraceCoreAdapter(instances: instances, seed: seed)
    }
}
