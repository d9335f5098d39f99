import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine
import struct TraceFuzzCommandLine.ReplayCommand

@Suite("FindingFile")
struct FindingFileTests {
    private func write(_ json: String) throws -> String {
        let url = try makeTemporaryDirectory().appendingPathComponent("f.json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    @Test("a plain scenario records nothing beyond its scenario")
    func plain() throws {
        let file = try FindingFile(path: try write(#"{"format": 1, "steps": [{"span": {"label": "a"}}]}"#))
        #expect(file.seed == nil && file.choices == nil && file.generatorFlags == nil && file.tracer == nil)
    }

    @Test("a stored finding: seed, choices, flags and tracer")
    func stored() throws {
        let file = try FindingFile(
            path: try write(
                #"""
                {"format": 1, "invariant": "none-lost", "message": "m", "seed": "0x2a", "choices": [3, 1],
                 "generatorFlags": ["--max-hops", "2"], "tracer": "TraceCore",
                 "scenario": {"format": 1, "steps": [{"span": {"label": "a"}}]}}
                """#))
        #expect(file.seed == Seed(42))
        #expect(file.choices == ChoiceSequence([3, 1]))
        #expect(file.tracer == "TraceCore")
        #expect(file.recordedFlags?.options.maxHops == 2)
    }

    @Test("a finding JSON without a flags field gives its flags through its replay line")
    func findingJSON() throws {
        let file = try FindingFile(
            path: try write(
                #"""
                {"format": 1, "invariant": "right-parent", "seed": "0x7", "choices": [0],
                 "replay": "tracefuzz replay --seed 0x7 --max-depth 2 --executors pool",
                 "violations": [], "tree": [], "scenario": {"format": 1, "steps": [{"span": {"label": "a"}}]}}
                """#))
        #expect(file.generatorFlags == ["--max-depth", "2", "--executors", "pool"])
        #expect(file.recordedFlags?.options.maxDepth == 2)
        #expect(FindingFile.flags(inReplayLine: "tracefuzz replay FILE") == nil)
    }

    @Test("flags it cannot read are treated as absent")
    func unreadableFlags() throws {
        let file = try FindingFile(
            path: try write(
                #"""
                {"seed": "0x1", "generatorFlags": ["--max-hops", "999"],
                 "scenario": {"format": 1, "steps": [{"span": {"label": "a"}}]}}
                """#))
        #expect(file.generatorFlags == ["--max-hops", "999"])
        #expect(file.recordedFlags == nil)
    }

    @Test("replay FILE runs under the seed the file records unless --seed is given")
    func replaySeed() async throws {
        let finding = try await PlantedRuns.finding()
        let directory = try makeTemporaryDirectory()
        let url = try PlantedRuns.store(finding, tracer: "TraceCore (forgetful restore)", in: directory)
        var scanner = ArgumentScanner([url.path])
        #expect(try ReplayCommand(parsing: &scanner).source == .file(url.path, nil))
        let result = await Invocation.run(
            ["replay", url.path, "--attempts", "2"], factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
    }

    @Test("run's shrink defaults: on, with a budget of 300")
    func runDefaults() throws {
        var scanner = ArgumentScanner([])
        let command = try RunCommand(parsing: &scanner)
        #expect(command.shrink.enabled && command.shrink.budget == 300)
        #expect(command.database == DatabaseFlags() && command.reports.isEmpty)
        scanner = ArgumentScanner(["--no-shrink", "--shrink-budget", "40"])
        let custom = try RunCommand(parsing: &scanner)
        #expect(!custom.shrink.enabled && custom.shrink.budget == 40)
    }
}
