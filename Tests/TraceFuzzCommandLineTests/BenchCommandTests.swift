import Foundation
import Testing

@testable import TraceFuzzCommandLine

@Suite("BenchCommand")
struct BenchCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> BenchCommand {
        var scanner = ArgumentScanner(arguments)
        return try BenchCommand(parsing: &scanner)
    }

    private let figures = [
        BenchmarkFigure(
            name: "engine.scenarios_per_s", value: 612.4, unit: "scenarios/s",
            baselineName: "bare.scenarios_per_s",
            baselineValue: 20_000),
        BenchmarkFigure(
            name: "checker.spans_per_s", value: 250_000, unit: "spans/s",
            baselineName: "bare.index_spans_per_s",
            baselineValue: 2_000_000),
        BenchmarkFigure(name: "engine.check_us", value: 74.25, unit: "us"),
    ]

    @Test("flags: --quick and --json; anything else is bad usage")
    func flags() throws {
        let command = try parse(["--quick", "--json"])
        #expect(command.quick && command.json)
        #expect(throws: UsageError("unknown option '--fast'")) { try parse(["--fast"]) }
        #expect(throws: UsageError("unexpected argument 'now'")) { try parse(["now"]) }
    }

    @Test("--only picks groups of figures; an unknown group lists the valid ones")
    func only() throws {
        #expect(try parse([]).groups == nil)
        #expect(try parse(["--only", "tracer,process"]).groups == [.tracer, .process])
        #expect(throws: UsageError("--only: unknown group 'checker'; valid groups: tracer, engine, process, fuzz")) {
            try parse(["--only", "checker"])
        }
    }

    @Test("--only tracer measures the tracer's figures and nothing else")
    func onlyTracer() async throws {
        let run = await Invocation.run(["bench", "--quick", "--json", "--only", "tracer"])
        #expect(run.status == .clean)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let names = Set((object?["figures"] as? [String: Any])?.keys ?? [:].keys)
        #expect(names == ["tracer.nested_span_ns", "tracer.pool_task_ns"])
    }

    @Test("--only fuzz measures the selected tracer against TraceCore in the same run")
    func onlyFuzz() async throws {
        let run = await Invocation.run(["bench", "--quick", "--json", "--only", "fuzz"])
        #expect(run.status == .clean)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let figures = object?["figures"] as? [String: Any]
        #expect(Set(figures?.keys ?? [:].keys) == ["fuzz.scenarios_per_s"])
        let figure = figures?["fuzz.scenarios_per_s"] as? [String: Any]
        #expect(figure?["baselineName"] as? String == "engine.scenarios_per_s")
        #expect((figure?["value"] as? Double ?? 0) > 0)
    }

    @Test("the table shows value, unit, baseline, ratio and whether a target is met")
    func table() {
        let lines = BenchCommand.lines(figures)
        #expect(lines[0].hasPrefix("figure"))
        #expect(lines[1].hasPrefix("engine.scenarios_per_s"))
        #expect(lines[1].hasSuffix("0.03x  >= 500 met"))
        #expect(lines[2].contains("250,000  spans/s"))
        #expect(lines[2].hasSuffix(">= 1,000,000 MISSED"))
        #expect(lines[3].hasSuffix("74.25  us"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test("--json shape: figures by name with value, unit, baseline and ratio")
    func document() throws {
        let text = BenchDocument(figures).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["figures"])
        let all = try #require(object["figures"] as? [String: [String: Any]])
        #expect(all.keys.sorted() == ["checker.spans_per_s", "engine.check_us", "engine.scenarios_per_s"])
        let checker = try #require(all["checker.spans_per_s"])
        #expect(checker["value"] as? Double == 250_000)
        #expect(checker["unit"] as? String == "spans/s")
        #expect(checker["baseline"] as? Double == 2_000_000)
        #expect(checker["ratio"] as? Double == 0.125)
        #expect(all["engine.check_us"]?["baseline"] == nil)
        #expect(all["engine.check_us"]?["ratio"] == nil)
    }

    @Test(
        "figures keep four significant digits",
        arguments: [
            (612.4321, 612.4), (2_345_678.0, 2_346_000), (0.012345, 0.01235), (0, 0),
        ])
    func rounding(value: Double, rounded: Double) {
        #expect(BenchDocument.rounded(value) == rounded)
    }
}
