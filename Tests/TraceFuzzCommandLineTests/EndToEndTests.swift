import Foundation
import Testing

/// Runs the built `tracefuzz` binary and checks what scripts and CI rely on: exit statuses, stable
/// output, messages that name the offending flag or field.
@Suite("tracefuzz binary", .serialized)
struct EndToEndTests {
    private let directory: URL

    init() throws { directory = try makeTemporaryDirectory() }

    @Test("generate --seed 42 prints the same bytes twice")
    func generateIsStable() async throws {
        let first = try await BuiltTool.run(["generate", "--seed", "42"], in: directory)
        let second = try await BuiltTool.run(["generate", "--seed", "42"], in: directory)
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("{"))
        #expect(first.output == second.output)
    }

    @Test("check on a bad file exits 2 naming the JSON path")
    func checkBadFile() async throws {
        let file = directory.appendingPathComponent("bad.json")
        try Data(#"{"format": 1, "steps": [{"span": {"label": "a", "instance": "zero"}}]}"#.utf8).write(
            to: file)
        let result = try await BuiltTool.run(["check", "bad.json"], in: directory)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("bad.json: $.steps[0].span.instance: "), "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test("an unknown flag exits 2 naming it")
    func unknownFlag() async throws {
        let result = try await BuiltTool.run(["run", "--iteratons", "5"], in: directory)
        #expect(result.status == 2)
        #expect(result.error.contains("unknown option '--iteratons'"))
        #expect(result.output.isEmpty)
    }

    @Test("run --seed 42 --iterations 20 exits 0 against TraceCore")
    func runIsClean() async throws {
        let result = try await BuiltTool.run(["run", "--seed", "42", "--iterations", "20"], in: directory)
        #expect(result.status == 0, "\(result.output)\n\(result.error)")
        #expect(statistic("scenarios", in: result.output) == "20")
        #expect(
            !FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("tracefuzz-findings").path))
    }

    @Test("replay --seed 42 exits 0 against TraceCore")
    func replayIsClean() async throws {
        let result = try await BuiltTool.run(["replay", "--seed", "42"], in: directory)
        #expect(result.status == 0, "\(result.output)\n\(result.error)")
        #expect(result.output == "passed 20 attempts\n")
    }

    @Test("a generated scenario checks clean and replays from its file")
    func generateCheckReplay() async throws {
        let generated = try await BuiltTool.run(["generate", "--seed", "7"], in: directory)
        try Data(generated.output.utf8).write(to: directory.appendingPathComponent("seven.json"))
        let check = try await BuiltTool.run(["check", "seven.json"], in: directory)
        #expect(check.status == 0)
        #expect(check.output.hasPrefix("seven.json: ok: "))
        let replay = try await BuiltTool.run(["replay", "seven.json", "--attempts", "3"], in: directory)
        #expect(replay.status == 0, "\(replay.output)\n\(replay.error)")
    }

    @Test("bench --quick --json prints the engine and tracer figures as one JSON object")
    func benchJSON() async throws {
        let result = try await BuiltTool.run(["bench", "--quick", "--json"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let figures = try #require(object["figures"] as? [String: [String: Any]])
        for name in [
            "engine.scenarios_per_s", "checker.spans_per_s", "tracer.nested_span_ns", "tracer.pool_task_ns",
        ] {
            let figure = try #require(figures[name], "missing \(name)")
            #expect((figure["value"] as? Double ?? 0) > 0)
            #expect(figure["unit"] is String)
            #expect(figure["baseline"] is Double)
        }
    }
}
