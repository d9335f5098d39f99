import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("StressCommand")
struct StressCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> StressCommand {
        var scanner = ArgumentScanner(arguments)
        return try StressCommand(parsing: &scanner)
    }

    @Test("defaults: ten minutes, every seed, progress every ten seconds, shrinking on")
    func defaults() throws {
        let command = try parse([])
        #expect(command.budget == .time(.seconds(600)))
        #expect(command.shard == .whole)
        #expect(command.progressInterval == .seconds(10))
        #expect(command.seed == nil && command.shrink.enabled && command.reports.isEmpty)
        let custom = try parse([
            "--time", "90s", "--shard", "2/4", "--seed", "7", "--progress-interval", "500ms", "--report",
            "r.json",
            "--no-shrink",
        ])
        #expect(custom.budget == .time(.seconds(90)))
        #expect(try parse(["--iterations", "50"]).budget == .iterations(50))
        #expect(custom.shard == Shard(index: 2, count: 4))
        #expect(custom.progressInterval == .milliseconds(500))
        #expect(custom.reports.report == "r.json")
        #expect(!custom.shrink.enabled)
    }

    @Test(
        "bad usage names the problem",
        arguments: [
            (["--shard", "1/4"], "--shard needs --seed: every shard must start from the same seed"),
            (
                ["--seed", "1", "--shard", "4/4"],
                "--shard: expected I/N with 0 <= I < N, such as 0/4, got '4/4'"
            ),
            (["--seed", "1", "--shard", "x"], "--shard: expected I/N with 0 <= I < N, such as 0/4, got 'x'"),
            (["--time", "10"], "--time: expected a duration such as 500ms, 30s, 5m or 1h, got '10'"),
            (["--keep-going"], "unknown option '--keep-going'"),
        ])
    func badUsage(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try parse(arguments) }
    }

    @Test(
        "shards: i of n starts at S+i and steps by n",
        arguments: [("0/1", 0, 1), ("1/4", 1, 4), ("3/4", 3, 4)])
    func shards(text: String, index: Int, count: Int) throws {
        let shard = try #require(Shard(parsing: text))
        #expect(shard == Shard(index: index, count: count))
        #expect(shard.description == text)
        #expect(shard.firstSeed(from: 100) == 100 + UInt64(index))
        #expect(shard.stride == UInt64(count))
        for bad in ["1/0", "-1/2", "1/2/3", "/2", "a/b"] { #expect(Shard(parsing: bad) == nil) }
    }

    @Test("shard 1 of 3 runs seeds S+1, S+4, S+7, … and says so")
    func shardSeeds() async throws {
        let factory = SeedRecordingFactory()
        let result = await Invocation.run(
            [
                "stress", "--seed", "100", "--shard", "1/3", "--iterations", "5", "--no-database",
                "--max-spans", "2",
            ],
            factory: factory)
        #expect(result.status == .clean)
        #expect(
            result.output.hasPrefix(
                "stress: fuzzing TraceCore from seed 0x64 for 5 scenarios, shard 1/3 "
                    + "(seeds 0x65, 0x68, 0x6b, …)"))
        #expect(factory.seeds.all == [101, 104, 107, 110, 113])
        #expect(result.output.contains("\nstress summary: 5 scenarios in "))
        #expect(result.output.contains(", 0 findings, shard 1/3\n"))
    }

    @Test("keeps going after findings: each written, saved and printed; summary, progress and report; exit 1")
    func keepsGoing() async throws {
        let directory = try makeTemporaryDirectory()
        let database = directory.appendingPathComponent("db")
        let report = directory.appendingPathComponent("report.json")
        let result = await Invocation.run(
            [
                "stress", "--seed", "9", "--iterations", "12", "--progress-interval", "1ms", "--no-shrink",
                "--findings-dir", directory.appendingPathComponent("findings").path, "--database",
                database.path, "--report", report.path,
            ] + PlantedRuns.flags, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        let lines = result.output.split(separator: "\n")
        let headers = lines.filter { $0.hasPrefix("finding: ") }
        #expect(headers.count >= 2)
        #expect(lines.filter { $0.hasPrefix("saved: \(database.path)/") }.count == headers.count)
        let summary = try #require(lines.first { $0.hasPrefix("stress summary: ") })
        #expect(summary.hasSuffix(", \(headers.count) findings"))
        #expect(result.output.contains("\nstatistics\n"))
        #expect(statistic("findings", in: result.output) == String(headers.count))
        let progress = result.error.split(separator: "\n").filter {
            $0.range(
                of: #"^\[\d+s/12 scenarios\] \d+ scenarios, [\d,]+/s, \d+ findings?, \d+ left$"#,
                options: .regularExpression) != nil
        }
        #expect(!progress.isEmpty, "\(result.error)")
        #expect(result.error.contains("] finding: right-parent in scenario 0x"))
        let object = try PlantedRuns.object(at: report.path)
        #expect(object["command"] as? String == "stress")
        #expect((object["findings"] as? [Any])?.count == headers.count)
        #expect(object["shard"] == nil)
    }

    @Test("each finding is shrunk before fuzzing resumes")
    func shrinksEach() async throws {
        let directory = try makeTemporaryDirectory()
        let result = await Invocation.run(
            [
                "stress", "--seed", "9", "--iterations", "6", "--shrink-budget", "5", "--no-database",
                "--findings-dir", directory.path,
            ] + PlantedRuns.flags, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        let lines = result.output.split(separator: "\n")
        let headers = lines.filter { $0.hasPrefix("finding: ") }
        #expect(headers.count >= 2)
        #expect(statistic("scenarios", in: result.output) == "6")
        let shrinkLines = lines.filter { $0.hasPrefix("shrunk: ") || $0.hasPrefix("not shrunk: ") }
        #expect(shrinkLines.count == headers.count)
        #expect(result.error.contains("; shrinking…"))
    }

    @Test("progress lines: elapsed and budget, scenarios, rate, findings, time left")
    func progressLine() {
        #expect(
            StressProgress.line(scenarios: 35_210, findings: 1, elapsed: 70, budget: .time(.seconds(600)))
                == "[1m10s/10m] 35,210 scenarios, 503/s, 1 finding, 8m50s left")
        #expect(
            StressProgress.line(scenarios: 0, findings: 2, elapsed: 0, budget: .time(.seconds(3600)))
                == "[0s/1h] 0 scenarios, 0/s, 2 findings, 1h00m left")
        #expect(
            StressProgress.line(scenarios: 3_010, findings: 0, elapsed: 12, budget: .iterations(5000))
                == "[12s/5000 scenarios] 3,010 scenarios, 251/s, 0 findings, 1,990 left")
        #expect(Format.clock(59.9) == "59s")
        #expect(Format.clock(61) == "1m01s")
        #expect(Format.clock(7322) == "2h02m")
    }
}
