import Foundation
import Testing
import TraceFuzz

@Suite("Fuzzer shrink report")
struct ShrinkReportTests {
    private static let options: GeneratorOptions = {
        var options = GeneratorOptions()
        options.strategyWeights = [.fresh: 1]
        options.executorWeights = [.pool: 1, .dispatchSerial: 1, .thread: 1]
        return options
    }()

    @Test("the report keeps the original, the shrunk finding and the candidates run")
    func report() async throws {
        let fuzzer = Fuzzer(
            factory: PlantedAdapterFactory(bug: .restoreIgnoresContext), options: Self.options)
        let finding = try #require(await fuzzer.run(seed: 9, budget: .iterations(200)).findings.first)
        let report = await fuzzer.shrinkReport(finding, budget: 400)
        #expect(report.didShrink)
        #expect(report.original.scenario == finding.scenario)
        #expect(report.shrunk.invariant == finding.invariant)
        #expect(report.candidatesRun > 0 && report.candidatesRun <= 400)
        #expect(report.improvements > 0 && report.improvements <= report.candidatesRun)
        #expect(report.shrunk.seed == finding.seed)
        let choices = try #require(report.shrunk.choices)
        #expect(fuzzer.generator.generate(replaying: choices, seed: 9).scenario == report.shrunk.scenario)
    }

    @Test("a finding with no choices comes back unchanged, with nothing run")
    func notGenerated() async throws {
        let fuzzer = Fuzzer(
            factory: PlantedAdapterFactory(bug: .restoreIgnoresContext), options: Self.options)
        var finding = try #require(await fuzzer.run(seed: 9, budget: .iterations(200)).findings.first)
        finding.choices = nil
        let report = await fuzzer.shrinkReport(finding)
        #expect(!report.didShrink)
        #expect(report.candidatesRun == 0)
        #expect(report.shrunk.scenario == finding.scenario)
    }

    @Test("a stored finding records the generator flags its choices belong to, only when generated")
    func storedFlags() async throws {
        let fuzzer = Fuzzer(
            factory: PlantedAdapterFactory(bug: .restoreIgnoresContext), options: Self.options)
        var finding = try #require(await fuzzer.run(seed: 9, budget: .iterations(200)).findings.first)
        let stored = StoredFinding(finding, tracer: "planted", options: Self.options)
        #expect(stored.generatorFlags == ReplayCommand.flags(for: Self.options))
        #expect(stored.generatorFlags?.first == "--executors")
        #expect(StoredFinding(finding, tracer: "planted").generatorFlags == [])
        finding.choices = nil
        #expect(StoredFinding(finding, tracer: "planted").generatorFlags == nil)
    }

    @Test("an entry written without generator flags still loads")
    func oldEntryLoads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tracefuzz-db-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = #"""
            {"format": 1, "invariant": "none-lost", "message": "m", "seed": "0x2a", "choices": [1, 2],
             "tracer": "TraceCore", "scenario": {"format": 1, "steps": [{"span": {"label": "a"}}]}}
            """#
        try Data(json.utf8).write(to: directory.appendingPathComponent("none-lost-00000000.json"))
        let entry = try #require(try FailureDatabase(directory: directory).entries().first)
        #expect(entry.finding.generatorFlags == nil)
        #expect(entry.finding.choices == [1, 2])
    }
}
