import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("CorpusCommand")
struct CorpusCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> CorpusCommand {
        var scanner = ArgumentScanner(arguments)
        return try CorpusCommand(parsing: &scanner)
    }

    /// A database with one entry that fails against the forgetful adapter (stored against it) and one
    /// that passes against TraceCore (the same scenario, stored against TraceCore).
    private func makeDatabase() async throws -> (directory: URL, failing: URL, passing: URL) {
        let directory = try makeTemporaryDirectory()
        var finding = try await PlantedRuns.finding()
        let failing = try PlantedRuns.store(finding, tracer: "TraceCore (forgetful restore)", in: directory)
        finding.scenario.description = "stored against TraceCore, which propagates correctly"
        let passing = try PlantedRuns.store(finding, tracer: "TraceCore", in: directory)
        return (directory, failing, passing)
    }

    @Test("an action, a database, and prune-only flags for prune only")
    func parsing() throws {
        let prune = try parse(["prune", "--database", "db", "--attempts", "3", "--dry-run"])
        #expect(prune.action == .prune && prune.directory == "db" && prune.attempts == 3 && prune.dryRun)
        let list = try parse(["list"])
        #expect(list.action == .list && list.directory == nil)
        #expect(throws: UsageError("expects an action: list or prune")) { try parse([]) }
        #expect(throws: UsageError("unknown action 'clean'; actions: list, prune")) { try parse(["clean"]) }
        #expect(throws: UsageError("--dry-run: applies only to prune")) { try parse(["list", "--dry-run"]) }
        #expect(throws: UsageError("unexpected argument 'x'")) { try parse(["list", "x"]) }
    }

    @Test("list: one row per entry with file, invariant, tracer, seed, spans/hops and message")
    func list() async throws {
        let database = try await makeDatabase()
        let result = await Invocation.run(["corpus", "list", "--database", database.directory.path])
        #expect(result.status == .clean)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("file") == true)
        #expect(lines.first?.contains("invariant") == true && lines.first?.contains("spans/hops") == true)
        let row = try #require(lines.first { $0.hasPrefix(database.failing.lastPathComponent) })
        #expect(row.contains("right-parent") && row.contains("TraceCore (forgetful restore)"))
        let size = ScenarioSize(try ScenarioLoader.load(contentsOf: database.failing))
        #expect(row.contains("  \(size.spans)/\(size.hops)  "))
        #expect(row.contains("should be a child of"))
        #expect(lines.last == "2 entries in \(database.directory.path)")
    }

    @Test("prune removes what passes, keeps what fails, skips other tracers; exit 1 while something fails")
    func prune() async throws {
        let database = try await makeDatabase()
        let dry = await Invocation.run(
            ["corpus", "prune", "--dry-run", "--attempts", "3", "--database", database.directory.path])
        #expect(dry.status == .clean)
        #expect(dry.output.contains("would remove  \(database.passing.lastPathComponent)  passed 3 runs"))
        #expect(dry.output.contains("skipped       \(database.failing.lastPathComponent)  stored against "))
        #expect(dry.output.hasSuffix(": 0 kept (still failing), 1 would be removed, 1 skipped\n"))
        #expect(FileManager.default.fileExists(atPath: database.passing.path))

        let pruned = await Invocation.run(
            ["corpus", "prune", "--attempts", "3", "--database", database.directory.path])
        #expect(pruned.status == .clean)
        #expect(pruned.output.contains("removed  \(database.passing.lastPathComponent)  passed 3 runs"))
        #expect(!FileManager.default.fileExists(atPath: database.passing.path))

        let failing = await Invocation.run(
            ["corpus", "prune", "--database", database.directory.path], factory: ForgetfulAdapterFactory())
        #expect(failing.status == .finding)
        #expect(
            failing.output.contains(
                "kept  \(database.failing.lastPathComponent)  still fails right-parent (run 1 of 20)"))
        #expect(
            failing.output.hasSuffix(
                "1 entry in \(database.directory.path): 1 kept (still failing), 0 removed\n"))
        #expect(FileManager.default.fileExists(atPath: database.failing.path))
    }

    @Test("a missing database or an unreadable entry is exit 2")
    func badInput() async throws {
        let missing = try makeTemporaryDirectory().appendingPathComponent("none").path
        let result = await Invocation.run(["corpus", "list", "--database", missing])
        #expect(result.status == .badInput)
        #expect(result.error == "tracefuzz corpus: no failure database at \(missing) (give --database DIR)\n")
        let none = await Invocation.run(["corpus", "list"])
        #expect(none.status == .badInput)
        #expect(none.error == "tracefuzz corpus: no failure database given (give --database DIR)\n")
        let directory = try makeTemporaryDirectory()
        try Data("{".utf8).write(to: directory.appendingPathComponent("broken.json"))
        let broken = await Invocation.run(["corpus", "prune", "--database", directory.path])
        #expect(broken.status == .badInput)
        #expect(broken.error.hasPrefix("tracefuzz corpus: \(directory.path): broken.json"))
    }
}
