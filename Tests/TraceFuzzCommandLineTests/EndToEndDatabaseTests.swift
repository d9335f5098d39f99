import Foundation
import Testing
import TraceFuzz

/// Runs the built `tracefuzz` binary for `shrink`, `corpus`, the default failure database and `stress`,
/// checking the exit statuses scripts rely on.
@Suite("tracefuzz binary: shrink, corpus, database, stress", .serialized)
struct EndToEndDatabaseTests {
    private let directory: URL
    private var regressions: URL { directory.appendingPathComponent("Scenarios/regressions") }

    init() throws { directory = try makeTemporaryDirectory() }

    /// A stored finding that passes against TraceCore, and one that always fails (a missed deadline).
    private func makeEntries() async throws -> (passing: URL, failing: URL) {
        var forgetful = try await PlantedRuns.finding()
        forgetful.scenario.description = "propagates correctly in TraceCore"
        let passing = try PlantedRuns.store(forgetful, tracer: "TraceCore", in: regressions)
        let hang = try ScenarioLoader.decode(Data(PlantedRuns.hangScenario.utf8))
        let outcome = await Fuzzer(factory: TraceCoreAdapterFactory()).check(hang, seed: 1)
        let finding = Finding(
            seed: 1, choices: nil, scenario: hang, violations: outcome.violations, record: outcome.record)
        #expect(finding.invariant == "deadline")
        let failing = try FailureDatabase(directory: regressions).save(
            StoredFinding(finding, tracer: "TraceCore"))
        return (passing, failing)
    }

    @Test("shrink: 1 while it fails, 0 once it passes, 2 for bad input")
    func shrinkStatuses() async throws {
        try Data(PlantedRuns.hangScenario.utf8).write(to: directory.appendingPathComponent("hang.json"))
        let failing = try await BuiltTool.run(["shrink", "hang.json"], in: directory)
        #expect(failing.status == 1, "\(failing.output)\n\(failing.error)")
        #expect(failing.output.hasPrefix("fails deadline (attempt 1 of 20)\n"))
        #expect(failing.output.contains("\nnot shrunk: hang.json records no choice sequence"))
        #expect(failing.output.contains("\nreproduce: tracefuzz replay hang.json\n"))

        let passing = try await BuiltTool.run(["shrink", "--seed", "42", "--budget", "5"], in: directory)
        #expect(passing.status == 0, "\(passing.output)\n\(passing.error)")
        #expect(passing.output.contains("no longer fails"))

        try Data("{".utf8).write(to: directory.appendingPathComponent("bad.json"))
        let bad = try await BuiltTool.run(["shrink", "bad.json"], in: directory)
        #expect(bad.status == 2)
        #expect(bad.error.hasPrefix("bad.json: $: not valid JSON"), "\(bad.error)")
        #expect(try await BuiltTool.run(["shrink"], in: directory).status == 2)
        #expect(
            !FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("tracefuzz-findings").path))
    }

    @Test("corpus: list 0, prune 1 while an entry still fails and 0 once none does, 2 without a database")
    func corpusStatuses() async throws {
        let missing = try await BuiltTool.run(["corpus", "list"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.error.contains("no failure database at Scenarios/regressions"))

        let entries = try await makeEntries()
        let list = try await BuiltTool.run(["corpus", "list"], in: directory)
        #expect(list.status == 0, "\(list.error)")
        #expect(list.output.contains(entries.passing.lastPathComponent))
        #expect(list.output.hasSuffix("2 entries in Scenarios/regressions\n"))

        let dry = try await BuiltTool.run(["corpus", "prune", "--dry-run", "--attempts", "3"], in: directory)
        #expect(dry.status == 1, "\(dry.output)")
        let wouldRemove = dry.output.split(separator: "\n").first { $0.hasPrefix("would remove ") }
        #expect(wouldRemove?.contains(entries.passing.lastPathComponent) == true)
        #expect(FileManager.default.fileExists(atPath: entries.passing.path))

        let prune = try await BuiltTool.run(["corpus", "prune", "--attempts", "3"], in: directory)
        #expect(prune.status == 1)
        let kept = prune.output.split(separator: "\n").first { $0.hasPrefix("kept ") }
        #expect(kept?.contains(entries.failing.lastPathComponent) == true)
        #expect(kept?.hasSuffix("still fails deadline (run 1 of 3)") == true)
        #expect(!FileManager.default.fileExists(atPath: entries.passing.path))
        #expect(FileManager.default.fileExists(atPath: entries.failing.path))

        try FileManager.default.removeItem(at: entries.failing)
        let empty = try await BuiltTool.run(["corpus", "prune"], in: directory)
        #expect(empty.status == 0)
        #expect(
            empty.output.hasSuffix("0 entries in Scenarios/regressions: 0 kept (still failing), 0 removed\n"))
    }

    @Test("run replays Scenarios/regressions first when it exists: a failing entry is a regression, status 1")
    func runReplaysDatabase() async throws {
        let none = try await BuiltTool.run(["run", "--seed", "1", "--iterations", "3"], in: directory)
        #expect(none.status == 0)
        #expect(!none.output.contains("database:"))

        let entries = try await makeEntries()
        let result = try await BuiltTool.run(["run", "--seed", "1", "--iterations", "3"], in: directory)
        #expect(result.status == 1, "\(result.output)\n\(result.error)")
        #expect(
            result.output.contains("database: replayed 2 entries from Scenarios/regressions, 1 fails again\n")
        )
        let entry = "Scenarios/regressions/\(entries.failing.lastPathComponent)"
        #expect(result.output.contains("\nregression: \(entry) fails deadline again (1 violation)\n"))
        #expect(result.output.contains("\nreproduce: tracefuzz replay \(entry)\n"))

        let skipped = try await BuiltTool.run(
            ["run", "--seed", "1", "--iterations", "3", "--no-database"], in: directory)
        #expect(skipped.status == 0)
        #expect(!skipped.output.contains("database:"))
    }

    @Test("stress: a short clean session writes its reports and exits 0")
    func stress() async throws {
        let result = try await BuiltTool.run(
            [
                "stress", "--seed", "1", "--time", "1s", "--junit", "j.xml", "--report", "r.json",
                "--export-otlp",
                "o.json",
            ], in: directory)
        #expect(result.status == 0, "\(result.output)\n\(result.error)")
        #expect(result.output.hasPrefix("stress: fuzzing TraceCore from seed 0x1 for 1s\n"))
        #expect(result.output.contains("\nstress summary: "))
        for name in ["j.xml", "r.json", "o.json"] {
            #expect(
                FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)"
            )
        }
    }
}
