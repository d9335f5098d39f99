import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("run and the failure database")
struct RunDatabaseTests {
    private func run(
        _ extra: [String], database: URL, factory: any TracerAdapterFactory = ForgetfulAdapterFactory()
    ) async throws -> Invocation {
        let findings = try makeTemporaryDirectory()
        return await Invocation.run(
            [
                "run", "--seed", "0x100", "--iterations", "50", "--findings-dir", findings.path, "--database",
                database.path,
            ] + PlantedRuns.flags + extra, factory: factory)
    }

    @Test("database flags: a directory, or none; not both")
    func flags() throws {
        var scanner = ArgumentScanner(["--database", "db"])
        var command = try RunCommand(parsing: &scanner)
        #expect(command.database.directory == "db" && !command.database.disabled)
        scanner = ArgumentScanner(["--no-database"])
        command = try RunCommand(parsing: &scanner)
        #expect(command.database.disabled)
        #expect(throws: UsageError("--database and --no-database cannot be combined")) {
            var scanner = ArgumentScanner(["--database", "db", "--no-database"])
            _ = try RunCommand(parsing: &scanner)
        }
        #expect(throws: UsageError("--database: expects a directory")) {
            var scanner = ArgumentScanner(["--database="])
            _ = try RunCommand(parsing: &scanner)
        }
    }

    @Test("the default database is used only when its directory exists; --no-database skips it")
    func defaultDatabase() throws {
        let missing = try makeTemporaryDirectory().appendingPathComponent("regressions").path
        #expect(DatabaseFlags().resolved(default: missing) == nil)
        #expect(DatabaseFlags().resolved(default: nil) == nil)
        let present = try makeTemporaryDirectory().path
        #expect(DatabaseFlags().resolved(default: present)?.display == present)
        var disabled = DatabaseFlags()
        disabled.disabled = true
        #expect(disabled.resolved(default: present) == nil)
        var named = DatabaseFlags()
        named.directory = missing
        #expect(named.resolved(default: present)?.display == missing)
        #expect(CommandContext.standard(for: .builtIn).defaultDatabase == "Scenarios/regressions")
    }

    @Test("a shrunk finding is saved to the database, and the path printed")
    func saves() async throws {
        let database = try makeTemporaryDirectory().appendingPathComponent("regressions")
        let result = try await run([], database: database)
        #expect(result.status == .finding)
        #expect(
            result.output.contains("database: replayed 0 entries from \(database.path), none fails again\n"))
        let saved = try #require(PlantedRuns.line("saved: ", in: result.output))
        let entries = try FailureDatabase(directory: database).entries()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(saved == database.path + "/" + entry.url.lastPathComponent)
        #expect(entry.finding.tracer == "TraceCore (forgetful restore)")
        #expect(
            entry.finding.generatorFlags == [
                "--max-depth", "2", "--executors", "pool", "--strategies", "fresh",
            ])
        #expect(ScenarioSize(entry.finding.scenario).description == "1 hop, 2 spans")
        // The reproduce file and the database entry hold the same finding.
        let reproduce = try #require(PlantedRuns.line("reproduce: tracefuzz replay ", in: result.output))
        #expect(try FindingFile(path: reproduce).scenario == entry.finding.scenario)

        // The next run replays it first: it fails again, so it is a regression, and fuzzing is skipped.
        let again = try await run([], database: database)
        #expect(again.status == .finding)
        #expect(again.output.contains("database: replayed 1 entry from \(database.path), 1 fails again\n"))
        #expect(again.output.contains("\nregression: \(saved) fails right-parent again ("))
        #expect(again.output.contains("\nreproduce: tracefuzz replay \(saved)\n"))
        #expect(again.output.contains("not fuzzing: a regression is a finding (--keep-going fuzzes on)"))
        #expect(statistic("scenarios", in: again.output) == "0")
        #expect(try FailureDatabase(directory: database).entries().count == 1)
    }

    @Test("--keep-going fuzzes on after a regression; --json counts the replay")
    func keepGoingAfterRegression() async throws {
        let database = try makeTemporaryDirectory()
        _ = try PlantedRuns.store(
            try await PlantedRuns.finding(), tracer: "TraceCore (forgetful restore)", in: database)
        let result = try await run(
            ["--keep-going", "--json", "--no-shrink", "--iterations", "20"], database: database)
        #expect(result.status == .finding)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let summary = try #require(object["database"] as? [String: Any])
        #expect(summary["replayed"] as? Int == 1)
        #expect(summary["regressions"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(
            (findings.first?["regression"] as? String)?.hasPrefix(database.path + "/right-parent-") == true)
        #expect(findings.count > 1)
        #expect((object["statistics"] as? [String: Any])?["scenarios"] as? Int == 20)
    }

    @Test("entries of other tracers are left alone; entries of this tracer that pass are quiet")
    func otherTracers() async throws {
        let database = try makeTemporaryDirectory()
        let finding = try await PlantedRuns.finding()
        _ = try PlantedRuns.store(finding, tracer: "SomeoneElse", in: database)
        var moved = finding
        moved.scenario.description = "the same, stored against TraceCore"
        _ = try PlantedRuns.store(moved, tracer: "TraceCore", in: database)
        let result = await Invocation.run(
            ["run", "--seed", "1", "--iterations", "2", "--database", database.path, "--quiet"])
        #expect(result.status == .clean, "\(result.output)")
        #expect(
            result.output.contains(
                "database: replayed 1 entry from \(database.path), none fails again "
                    + "(skipped: 1 for other tracers)\n"
            ))
    }

    @Test("an unreadable entry is bad input naming the file and JSON path")
    func corruptEntry() async throws {
        let database = try makeTemporaryDirectory()
        try Data(#"{"format": 1, "invariant": "x", "message": "", "tracer": "TraceCore"}"#.utf8)
            .write(to: database.appendingPathComponent("broken.json"))
        let result = await Invocation.run(["run", "--iterations", "1", "--database", database.path])
        #expect(result.status == .badInput)
        #expect(result.error.hasPrefix("tracefuzz run: \(database.path): broken.json: $.scenario: "))
        #expect(result.output.contains("fuzzing TraceCore from seed "))
        #expect(statistic("scenarios", in: result.output) == nil)
    }

    @Test(
        "without --database, in-process runs never touch a database (the tool's default needs the directory)")
    func noDefaultInProcess() async throws {
        let findings = try makeTemporaryDirectory()
        let result = await Invocation.run(
            ["run", "--seed", "0x100", "--iterations", "50", "--findings-dir", findings.path, "--no-shrink"]
                + PlantedRuns.flags, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(!result.output.contains("database:"))
        #expect(!result.output.contains("saved:"))
    }
}
