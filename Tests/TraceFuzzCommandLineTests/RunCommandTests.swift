import Foundation
import Synchronization
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("RunCommand")
struct RunCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> RunCommand {
        var scanner = ArgumentScanner(arguments)
        return try RunCommand(parsing: &scanner)
    }

    /// Flags under which the forgetful adapter fails on almost every scenario.
    private static let plantedFlags = ["--executors", "pool", "--strategies", "fresh", "--max-depth", "2"]

    @Test("defaults: a fixed number of scenarios, default generator options")
    func defaults() throws {
        let command = try parse([])
        #expect(command.seed == nil)
        #expect(command.budget == .iterations(RunCommand.defaultIterations))
        #expect(command.flags.isDefault)
        #expect(command.findingsDirectory == "tracefuzz-findings")
        #expect(!command.json && !command.keepGoing && !command.quiet)
    }

    @Test("budgets: iterations, a duration, or both (whichever comes first)")
    func budgets() throws {
        #expect(try parse(["--iterations", "20"]).budget == .iterations(20))
        #expect(try parse(["--time", "500ms"]).budget == .time(.milliseconds(500)))
        #expect(
            try parse(["--iterations", "20", "--time", "1s"]).budget
                == FuzzBudget(iterations: 20, time: .seconds(1)))
        #expect(throws: UsageError("--iterations: expected a positive integer, got '0'")) {
            try parse(["--iterations", "0"])
        }
        #expect(throws: UsageError("--time: expected a duration such as 500ms, 30s, 5m or 1h, got '30'")) {
            try parse(["--time", "30"])
        }
    }

    @Test("a clean run prints the header and statistics and exits 0")
    func clean() async {
        let result = await Invocation.run(["run", "--seed", "42", "--iterations", "10"])
        #expect(result.status == .clean)
        #expect(result.output.hasPrefix("fuzzing TraceCore from seed 0x2a, 10 scenarios\n"))
        #expect(result.output.contains("\nstatistics\n"))
        #expect(statistic("scenarios", in: result.output) == "10")
        #expect(statistic("findings", in: result.output) == "0")
        #expect(result.output.contains("\ninvariants (checks)\n"))
        // Nothing on stderr but progress lines (a loaded machine can make this run last past a second).
        #expect(result.error.split(separator: "\n").allSatisfy { $0.hasPrefix("[") }, "\(result.error)")
    }

    @Test("without --seed the random seed is printed with the way to repeat it")
    func randomSeed() async {
        let result = await Invocation.run(["run", "--iterations", "2"], randomSeed: 0xabc)
        #expect(result.output.hasPrefix("seed 0xabc (random; repeat with --seed 0xabc)\n"))
        #expect(result.output.contains("from seed 0xabc, 2 scenarios"))
    }

    @Test("--json prints one JSON object and nothing else on stdout")
    func json() async throws {
        let result = await Invocation.run(["run", "--seed", "42", "--iterations", "5", "--json"])
        #expect(result.status == .clean)
        #expect(result.error.isEmpty)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["seed"] as? String == "0x2a")
        #expect(object["tracer"] as? String == "TraceCore")
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        let statistics = try #require(object["statistics"] as? [String: Any])
        #expect(statistics["scenarios"] as? Int == 5)
        #expect((statistics["invariants"] as? [String: Int])?.keys.sorted() == Invariants.names.sorted())
    }

    @Test("--no-shrink: the scenario file is written before the finding is printed, then the seed's line")
    func finding() async throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("findings")
        let fileExistedWhenPrinted = Mutex(false)
        let recorder = RecordingConsole()
        let console = Console(
            writeOutput: { chunk in
                if chunk.hasPrefix("finding: ") {
                    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                    fileExistedWhenPrinted.withLock { $0 = files.contains { $0.hasSuffix(".json") } }
                }
                recorder.console.writeOutput(chunk)
            }, writeError: recorder.console.writeError)
        let context = CommandContext(
            console: console, factory: ForgetfulAdapterFactory(), randomSeed: { Seed(0) })
        let arguments =
            ["run", "--seed", "0x100", "--iterations", "50", "--findings-dir", directory.path]
            + Self.plantedFlags + ["--no-shrink", "--no-database"]
        let status = await TraceFuzzTool.main(arguments, context: context)
        let output = recorder.output
        #expect(status == .finding)
        #expect(fileExistedWhenPrinted.withLock { $0 })

        let lines = output.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("finding: ") })
        let invariant = String(header.dropFirst("finding: ".count).prefix { $0 != " " })
        #expect(lines.contains { $0.hasPrefix("[\(invariant)] ") })
        #expect(lines.contains("expected") && lines.contains("actual"))
        #expect(lines.contains { $0.contains("✗ wrong parent") })
        let reproduce = try #require(lines.first { $0.hasPrefix("reproduce: ") })
        let seedText = try #require(reproduce.split(separator: " ").dropFirst(4).first)
        let seed = try #require(Seed(parsing: String(seedText)))
        let flags = "--max-depth 2 --executors pool --strategies fresh"
        #expect(reproduce == "reproduce: tracefuzz replay --seed \(seed.hex) \(flags)")

        let path = directory.appendingPathComponent("\(invariant)-\(seed.hex).json").path
        #expect(lines.contains("scenario: \(path)  (tracefuzz replay \(path))"))
        var options = GeneratorOptions()
        options.maxDepth = 2
        options.executorWeights = [.pool: 3]
        options.strategyWeights = [.fresh: 3]
        let regenerated = ScenarioGenerator(options: options).generate(seed: seed.value).scenario
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == ScenarioLoader.encode(regenerated))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == [
                "\(invariant)-\(seed.hex).json"
            ])
        #expect(output.contains("\nstatistics\n"))
        #expect(statistic("findings", in: output) == "1")

        let replayed = await Invocation.run(
            Array(reproduce.split(separator: " ").dropFirst(2).map(String.init)),
            factory: ForgetfulAdapterFactory())
        #expect(replayed.status == .finding)
        #expect(replayed.output.contains("[\(invariant)] "))
        #expect(replayed.output.contains("\nactual\n"))
        let fromFile = await Invocation.run(
            ["replay", path, "--seed", seed.hex], factory: ForgetfulAdapterFactory())
        #expect(fromFile.status == .finding)
        #expect(await Invocation.run(["check", path]).status == .clean)
    }

    @Test("--keep-going collects several findings; --json reports each with its reproduce line and file")
    func keepGoingJSON() async throws {
        let directory = try makeTemporaryDirectory()
        let arguments =
            [
                "run", "--seed", "9", "--iterations", "12", "--keep-going", "--json", "--findings-dir",
                directory.path, "--no-shrink", "--no-database",
            ]
            + Self.plantedFlags
        let result = await Invocation.run(arguments, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(result.error.isEmpty)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count > 1)
        #expect(object["status"] as? Int == 1)
        for finding in findings {
            let seed = try #require(finding["seed"] as? String)
            let invariant = try #require(finding["invariant"] as? String)
            #expect(
                finding["reproduce"] as? String
                    == "tracefuzz replay --seed \(seed) --max-depth 2 --executors pool --strategies fresh")
            let path = try #require(finding["scenario"] as? String)
            #expect(path.hasSuffix("/\(invariant)-\(seed).json"))
            #expect(FileManager.default.fileExists(atPath: path))
            let violations = try #require(finding["violations"] as? [[String: Any]])
            #expect(!violations.isEmpty)
            #expect(violations.allSatisfy { $0["message"] is String && $0["invariant"] is String })
        }
    }

    @Test("an unwritable findings directory is reported, and the finding still counts")
    func unwritable() async throws {
        let blocker = try makeTemporaryDirectory().appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let arguments =
            ["run", "--seed", "0x100", "--iterations", "50", "--findings-dir", blocker.path]
            + Self.plantedFlags + ["--no-shrink", "--no-database"]
        let result = await Invocation.run(arguments, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(
            result.output.contains("scenario: not written: --findings-dir: cannot write \(blocker.path)/"))
    }
}
