import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("ShrinkCommand")
struct ShrinkCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> ShrinkCommand {
        var scanner = ArgumentScanner(arguments)
        return try ShrinkCommand(parsing: &scanner)
    }

    @Test("a seed or a file; budget, attempts, out and database")
    func parsing() throws {
        let command = try parse(["--seed", "0x2a", "--budget", "50", "--attempts", "5", "--out", "o.json"])
        #expect(command.source == .generated(Seed(42)))
        #expect(command.budget == 50 && command.attempts == 5 && command.out == "o.json")
        #expect(try parse(["f.json"]).source == .file("f.json", nil))
        #expect(try parse(["f.json", "--seed", "7"]).source == .file("f.json", Seed(7)))
        #expect(try parse(["--seed", "1"]).budget == ShrinkFlags.defaultBudget)
        #expect(try parse(["--seed", "1", "--database", "db"]).database.directory == "db")
    }

    @Test(
        "bad usage names the problem",
        arguments: [
            ([], "expects --seed S or a scenario FILE"),
            (["a.json", "b.json"], "unexpected argument 'b.json': shrink reads one file"),
            (["--seed", "1", "--budget", "0"], "--budget: expected a positive integer, got '0'"),
            (["--seed", "1", "--out="], "--out: expects a file"),
            (["--seed", "1", "--no-database"], "unknown option '--no-database'"),
        ])
    func badUsage(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try parse(arguments) }
    }

    @Test(
        "--seed: shrinks, prints the shrunk finding and what shrinking did, writes a stored finding; exit 1")
    func fromSeed() async throws {
        let directory = try makeTemporaryDirectory()
        let out = directory.appendingPathComponent("small.json").path
        let database = directory.appendingPathComponent("db")
        let finding = try await PlantedRuns.finding()
        let seed = Seed(try #require(finding.seed))
        let result = await Invocation.run(
            ["shrink", "--seed", seed.hex, "--out", out, "--database", database.path] + PlantedRuns.flags,
            factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(result.output.hasPrefix("fails right-parent (attempt 1 of 20)\n"))
        #expect(result.output.contains("\nfinding: right-parent in scenario \(seed.hex) ("))
        let shrunk = try #require(PlantedRuns.line("shrunk: ", in: result.output))
        #expect(shrunk.contains("→ 1 hop, 2 spans"), "\(shrunk)")
        #expect(PlantedRuns.line("reproduce: ", in: result.output) == "tracefuzz replay \(out)")
        #expect(
            PlantedRuns.line("original: ", in: result.output)
                == "tracefuzz replay --seed \(seed.hex) --max-depth 2 --executors pool --strategies fresh")
        let saved = try #require(PlantedRuns.line("saved: ", in: result.output))
        #expect(saved.hasPrefix(database.path + "/right-parent-"))
        let file = try FindingFile(path: out)
        #expect(file.seed == seed)
        #expect(try FailureDatabase(directory: database).entries().first?.finding.scenario == file.scenario)
        #expect(result.error.contains("shrinking: at most 300 candidates, up to 3 runs each"))

        // Shrinking the result again: it records its choices and flags, so it can be shrunk (no smaller).
        let again = await Invocation.run(
            ["shrink", out, "--out", directory.appendingPathComponent("again.json").path],
            factory: ForgetfulAdapterFactory())
        #expect(again.status == .finding)
        #expect(again.output.contains("\nnot shrunk: no smaller scenario fails right-parent ("))
        #expect(PlantedRuns.line("original: ", in: again.output) == nil)
    }

    @Test("a file without choices cannot be shrunk: replayed, reported as it is, with a plain replay line")
    func plainFile() async throws {
        let directory = try makeTemporaryDirectory()
        let finding = try await PlantedRuns.finding()
        let path = directory.appendingPathComponent("plain.json").path
        try ScenarioLoader.encode(finding.scenario).write(to: URL(fileURLWithPath: path))
        let result = await Invocation.run(["shrink", path], factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(
            result.output.contains(
                "\nnot shrunk: \(path) records no choice sequence, and only generated findings can be "
                    + "shrunk on "
                    + "their choice sequence\n"))
        #expect(PlantedRuns.line("reproduce: ", in: result.output) == "tracefuzz replay \(path)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plain.json"])
    }

    @Test("recorded choices that do not fit the generator flags are not shrunk, and the message says why")
    func wrongFlags() async throws {
        let directory = try makeTemporaryDirectory()
        let stored = try PlantedRuns.store(
            try await PlantedRuns.finding(), tracer: "TraceCore (forgetful restore)", in: directory)
        let result = await Invocation.run(
            ["shrink", stored.path, "--max-depth", "3"], factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(
            result.output.contains(
                "\nnot shrunk: its choices do not regenerate its scenario under --max-depth 3; "
                    + "give the generator "
                    + "flags of the run that found it\n"))
    }

    @Test("a scenario that no longer fails is exit 0; a bad file is exit 2")
    func passesAndBadFile() async throws {
        let passing = await Invocation.run(["shrink", "--seed", "42", "--budget", "5"])
        #expect(passing.status == .clean)
        #expect(passing.output == "passed 20 attempts: the scenario no longer fails; nothing to shrink\n")
        let bad = try makeTemporaryDirectory().appendingPathComponent("bad.json")
        try Data(#"{"format": 1, "steps": [{"nap": {}}]}"#.utf8).write(to: bad)
        let result = await Invocation.run(["shrink", bad.path])
        #expect(result.status == .badInput)
        #expect(result.error.hasPrefix("\(bad.path): $.steps[0]"))
    }
}
