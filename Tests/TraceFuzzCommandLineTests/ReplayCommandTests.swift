import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine
import struct TraceFuzzCommandLine.ReplayCommand

@Suite("ReplayCommand")
struct ReplayCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> ReplayCommand {
        var scanner = ArgumentScanner(arguments)
        return try ReplayCommand(parsing: &scanner)
    }

    @Test("a seed, or a file with an optional run seed")
    func sources() throws {
        #expect(try parse(["--seed", "42"]).source == .generated(Seed(42)))
        #expect(try parse(["f.json"]).source == .file("f.json", nil))
        #expect(
            try parse(["f.json", "--seed", "0x10", "--attempts", "3"]).source == .file("f.json", Seed(16)))
        #expect(try parse(["--seed", "1"]).attempts == ReplayCommand.defaultAttempts)
    }

    @Test(
        "bad usage names the problem",
        arguments: [
            ([], "expects --seed S or a scenario FILE"),
            (
                ["f.json", "--max-depth", "2"],
                "--max-depth: generator flags apply only with --seed; a file holds its scenario"
            ),
            (["a.json", "b.json"], "unexpected argument 'b.json': replay reads one file"),
            (["--seed", "1", "--attempts", "0"], "--attempts: expected a positive integer, got '0'"),
            (["--seed", "1", "--max-fan-out", "99"], "--max-fan-out: 99 is out of range 1...16"),
        ])
    func badUsage(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try parse(arguments) }
    }

    @Test("replay --seed 42 passes against TraceCore")
    func passes() async {
        let result = await Invocation.run(["replay", "--seed", "42", "--attempts", "5"])
        #expect(result.status == .clean)
        #expect(result.output == "passed 5 attempts\n")
    }

    @Test("replay --seed S agrees with run --seed S's first scenario")
    func agreesWithRun() async {
        let flags = ["--executors", "pool,dispatchSerial", "--strategies", "fresh,shared"]
        for seed in ["0x1", "0x2", "0x3"] {
            let run = await Invocation.run(
                [
                    "run", "--seed", seed, "--iterations", "1", "--quiet", "--no-shrink", "--findings-dir",
                    NSTemporaryDirectory(),
                ] + flags,
                factory: ForgetfulAdapterFactory())
            let replay = await Invocation.run(
                ["replay", "--seed", seed, "--attempts", "1"] + flags, factory: ForgetfulAdapterFactory())
            #expect(run.status == replay.status, "seed \(seed)")
            let violation = replay.output.split(separator: "\n").dropFirst().first.map(String.init)
            if let violation { #expect(run.output.contains(violation), "seed \(seed)") }
        }
    }

    @Test("a bad scenario file is exit 2 naming the JSON path")
    func badFile() async throws {
        let url = try makeTemporaryDirectory().appendingPathComponent("bad.json")
        try Data(#"{"format": 1, "steps": [{"nap": {}}]}"#.utf8).write(to: url)
        let result = await Invocation.run(["replay", url.path])
        #expect(result.status == .badInput)
        #expect(result.error.hasPrefix("\(url.path): $.steps[0]"))
        #expect(result.output.isEmpty)
    }
}
