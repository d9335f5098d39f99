import Foundation
import Synchronization
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("run shrinks findings")
struct RunShrinkingTests {
    @Test("a finding is shrunk, written as a stored finding before printing, and replays from its file")
    func shrunkFinding() async throws {
        let directory = try makeTemporaryDirectory().appendingPathComponent("findings")
        let fileExistedWhenPrinted = Mutex(false)
        let recorder = RecordingConsole()
        let console = Console(
            writeOutput: { chunk in
                if chunk.hasPrefix("finding: ") {
                    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                    fileExistedWhenPrinted.withLock { $0 = files.contains { $0.hasSuffix("-shrunk.json") } }
                }
                recorder.console.writeOutput(chunk)
            }, writeError: recorder.console.writeError)
        let context = CommandContext(
            console: console, factory: ForgetfulAdapterFactory(), randomSeed: { Seed(0) })
        let arguments =
            [
                "run", "--seed", "0x100", "--iterations", "50", "--findings-dir", directory.path,
                "--no-database",
            ]
            + PlantedRuns.flags
        let status = await TraceFuzzTool.main(arguments, context: context)
        let output = recorder.output
        #expect(status == .finding)
        #expect(fileExistedWhenPrinted.withLock { $0 })

        let header = try #require(PlantedRuns.line("finding: ", in: output))
        #expect(header.hasSuffix(", shrunk)"), "\(header)")
        let invariant = String(header.prefix { $0 != " " })
        let seed = try #require(header.split(separator: " ").dropFirst(3).first.map(String.init))
        let shrunk = try #require(PlantedRuns.line("shrunk: ", in: output))
        #expect(shrunk.contains(" → 1 hop, 2 spans ("), "\(shrunk)")
        #expect(
            shrunk.range(
                of: #"^\d+ hops?, \d+ spans? → .* \(\d+ candidates? run, \d+ kept\)$"#,
                options: .regularExpression) != nil, "\(shrunk)")
        let path = directory.appendingPathComponent("\(invariant)-\(seed)-shrunk.json").path
        #expect(PlantedRuns.line("reproduce: ", in: output) == "tracefuzz replay \(path)")
        #expect(
            PlantedRuns.line("original: ", in: output)
                == "tracefuzz replay --seed \(seed) --max-depth 2 --executors pool --strategies fresh")
        #expect(output.contains("\nexpected\n") && output.contains("\nactual\n"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == [
                "\(invariant)-\(seed)-shrunk.json"
            ])

        // The file is a stored finding: seed, choices and generator flags that regenerate its scenario.
        let file = try FindingFile(path: path)
        #expect(file.seed?.hex == seed)
        #expect(file.tracer == "TraceCore (forgetful restore)")
        #expect(file.generatorFlags == ["--max-depth", "2", "--executors", "pool", "--strategies", "fresh"])
        let choices = try #require(file.choices)
        let regenerated = ScenarioGenerator(options: PlantedRuns.options).generate(
            replaying: choices, seed: try #require(file.seed).value)
        #expect(regenerated.scenario == file.scenario)
        #expect(ScenarioSize(file.scenario).description == "1 hop, 2 spans")

        // The reproduce line replays it (under the seed the file records), and check reads it.
        let replayed = await Invocation.run(
            ["replay", path, "--attempts", "5"], factory: ForgetfulAdapterFactory())
        #expect(replayed.status == .finding)
        #expect(replayed.output.contains("[\(invariant)] "))
        #expect(await Invocation.run(["check", path]).output.hasSuffix("ok: 2 spans, 1 hop, 1 instance\n"))
        // The original line regenerates the unshrunk scenario, which fails too.
        let original = try #require(PlantedRuns.line("original: ", in: output))
        let fromSeed = await Invocation.run(
            Array(original.split(separator: " ").dropFirst().map(String.init)),
            factory: ForgetfulAdapterFactory())
        #expect(fromSeed.status == .finding)
    }

    @Test("--shrink-budget caps the candidates; --json reports the original line and what shrinking did")
    func budgetAndJSON() async throws {
        let directory = try makeTemporaryDirectory()
        let arguments =
            [
                "run", "--seed", "0x100", "--iterations", "50", "--findings-dir", directory.path,
                "--no-database",
                "--shrink-budget", "2", "--json",
            ] + PlantedRuns.flags
        let result = await Invocation.run(arguments, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        let seed = try #require(finding["seed"] as? String)
        if let shrunk = finding["shrunk"] as? String {
            #expect(shrunk.contains("(2 candidates run") || shrunk.contains("(1 candidate run"), "\(shrunk)")
            #expect((finding["reproduce"] as? String)?.hasSuffix("-\(seed)-shrunk.json") == true)
            #expect((finding["original"] as? String)?.hasPrefix("tracefuzz replay --seed \(seed) ") == true)
        } else {
            #expect(finding["original"] == nil)
        }
        #expect(object["database"] == nil)
    }

    @Test("a hang is not shrunk by run, and says why")
    func hangNotShrunk() async throws {
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("hang.json")
        try Data(PlantedRuns.hangScenario.utf8).write(to: file)
        let scenario = try ScenarioLoader.load(contentsOf: file)
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory())
        let outcome = await fuzzer.check(scenario, seed: 1)
        let finding = Finding(
            seed: 1, choices: ChoiceSequence([0]), scenario: scenario, violations: outcome.violations,
            record: outcome.record)
        #expect(finding.invariant == "deadline")
        let pipeline = FindingPipeline(
            fuzzer: fuzzer, tracer: "TraceCore", flags: GeneratorFlags(), shrink: ShrinkFlags(),
            writer: FindingWriter(directory: directory.path), database: nil)
        let reported = await pipeline.handle(finding)
        #expect(reported.shrink == nil)
        #expect(
            reported.lines.contains {
                $0.hasPrefix("not shrunk: a hang can take the whole deadline per candidate")
            })
        #expect(reported.reproduce == "tracefuzz replay --seed 0x1")
    }

    @Test("the shrink summary counts hops and spans, nested ones included")
    func summary() throws {
        let big = Scenario(steps: [
            .span(
                SpanStep(
                    label: "a", instance: 0,
                    children: [
                        .hop(
                            HopStep(
                                executor: .pool, width: 2, strategy: .fresh, join: true,
                                tasks: [
                                    [.span(SpanStep(label: "b", instance: 0, children: []))],
                                    [
                                        .hop(
                                            HopStep(
                                                executor: .thread, width: 1, strategy: .none, join: true,
                                                tasks: [
                                                    [.span(SpanStep(label: "c", instance: 0, children: []))]
                                                ]))
                                    ],
                                ]))
                    ]))
        ])
        #expect(ScenarioSize(big).description == "2 hops, 3 spans")
        #expect(
            ScenarioSize(Scenario(steps: [.span(SpanStep(label: "x", instance: 0, children: []))]))
                .description == "0 hops, 1 span")
        #expect(ShrinkSummary.candidates(1) == "1 candidate")
        #expect(ShrinkSummary.candidates(57) == "57 candidates")
    }
}
