import Foundation
import Testing
import TraceFuzz

/// Runs the built `tracefuzz` binary for `shrink`, `corpus`, the default failure database and `stress`,
/// checking the exit statuses scripts rely on.
@Suite("tracefuzz binary: shrink, corpus, database, stress", .serialized)
struct EndToEndDatabaseTests {
    private let directory: URL
    private var regressions: URL { directory.appendingPathComponent("Scenarios/regressions") }
    private var working: URL { directory.appendingPathComponent(".tracefuzz/findings") }

    init() throws { directory = try makeTemporaryDirectory() }

    /// A stored finding that passes against TraceCore, and one that always fails (a missed deadline), in
    /// the working database.
    private func makeEntries() async throws -> (passing: URL, failing: URL) {
        var forgetful = try await PlantedRuns.finding()
        forgetful.scenario.description = "propagates correctly in TraceCore"
        let passing = try PlantedRuns.store(forgetful, tracer: "TraceCore", in: working)
        let hang = try ScenarioLoader.decode(Data(PlantedRuns.hangScenario.utf8))
        let outcome = await Fuzzer(factory: TraceCoreAdapterFactory()).check(hang, seed: 1)
        let finding = Finding(
            seed: 1, choices: nil, scenario: hang, violations: outcome.violations, record: outcome.record)
        #expect(finding.invariant == "deadline")
        let failing = try FailureDatabase(directory: working).save(
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
        #expect(missing.error.contains("no failure database at .tracefuzz/findings"))

        let entries = try await makeEntries()
        let list = try await BuiltTool.run(["corpus", "list"], in: directory)
        #expect(list.status == 0, "\(list.error)")
        #expect(list.output.contains(entries.passing.lastPathComponent))
        #expect(list.output.hasSuffix("2 entries in .tracefuzz/findings\n"))

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
            empty.output.hasSuffix("0 entries in .tracefuzz/findings: 0 kept (still failing), 0 removed\n"))
    }

    @Test("run replays the working database first when it exists: a failing entry is a regression, status 1")
    func runReplaysDatabase() async throws {
        let none = try await BuiltTool.run(["run", "--seed", "1", "--iterations", "3"], in: directory)
        #expect(none.status == 0)
        #expect(!none.output.contains("database:"))

        let entries = try await makeEntries()
        let result = try await BuiltTool.run(["run", "--seed", "1", "--iterations", "3"], in: directory)
        #expect(result.status == 1, "\(result.output)\n\(result.error)")
        #expect(
            result.output.contains("database: replayed 2 entries from .tracefuzz/findings, 1 fails again\n")
        )
        let entry = ".tracefuzz/findings/\(entries.failing.lastPathComponent)"
        #expect(result.output.contains("\nregression: \(entry) fails deadline again (1 violation)\n"))
        #expect(result.output.contains("\nreproduce: tracefuzz replay \(entry)\n"))

        let skipped = try await BuiltTool.run(
            ["run", "--seed", "1", "--iterations", "3", "--no-database"], in: directory)
        #expect(skipped.status == 0)
        #expect(!skipped.output.contains("database:"))
    }

    @Test("the fault flags' findings are never saved: the checked-in regressions and the next run stay clean")
    func harnessFaultsAreNotSaved() async throws {
        // A copy of the package's own regressions, as a fresh clone has them.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/regressions")
        try FileManager.default.createDirectory(
            at: regressions.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: regressions)
        let before = try snapshot(regressions)
        #expect(!before.isEmpty)

        let garbage = try await BuiltTool.run(
            [
                "run", "--seed", "0x10", "--executors", "process", "--process-faults", "garbage",
                "--process-fault-percent", "100", "--iterations", "20", "--keep-going", "--no-shrink",
            ], in: directory)
        #expect(garbage.status == 1, "\(garbage.output)\n\(garbage.error)")
        #expect(garbage.output.contains("\nsaved: not saved: its scenario names a 'garbage' fault"))
        #expect(!garbage.output.contains("\nsaved: .tracefuzz"))
        #expect(try snapshot(regressions) == before)
        #expect(try snapshot(working).isEmpty)

        let plain = try await BuiltTool.run(["run", "--seed", "1", "--iterations", "20"], in: directory)
        #expect(plain.status == 0, "\(plain.output)\n\(plain.error)")
        #expect(try snapshot(regressions) == before)
    }

    @Test("a finding run saves goes to the working database, and corpus add moves it to the regressions")
    func corpusAdd() async throws {
        let entries = try await makeEntries()
        let added = try await BuiltTool.run(
            ["corpus", "add", ".tracefuzz/findings/" + entries.passing.lastPathComponent, "--attempts", "3"],
            in: directory)
        #expect(added.status == 0, "\(added.output)\n\(added.error)")
        #expect(added.output.contains("passed 3 runs against TraceCore: the bug stays fixed\n"))
        let target = "Scenarios/regressions/" + entries.passing.lastPathComponent
        #expect(added.output.hasSuffix("added \(target)\n"))
        #expect(
            try Data(contentsOf: directory.appendingPathComponent(target)) == Data(contentsOf: entries.passing))

        let failing = try await BuiltTool.run(
            ["corpus", "add", entries.failing.path, "--attempts", "2"], in: directory)
        #expect(failing.status == 1)
        #expect(failing.error.contains("still fails deadline against TraceCore (run 1 of 2)"))
        #expect(try snapshot(regressions).keys.sorted() == [entries.passing.lastPathComponent])

        try Data(PlantedRuns.hangScenario.utf8).write(to: directory.appendingPathComponent("plain.json"))
        let plain = try await BuiltTool.run(["corpus", "add", "plain.json"], in: directory)
        #expect(plain.status == 2)
        #expect(plain.error.hasPrefix("tracefuzz corpus add: plain.json: not a stored finding: $"), "\(plain.error)")
    }

    /// The files in `directory` and their contents (empty when it does not exist).
    private func snapshot(_ directory: URL) throws -> [String: Data] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [:] }
        var files: [String: Data] = [:]
        for name in names { files[name] = try Data(contentsOf: directory.appendingPathComponent(name)) }
        return files
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
