import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("CheckCommand")
struct CheckCommandTests {
    private func write(_ text: String) throws -> String {
        let url = try makeTemporaryDirectory().appendingPathComponent("scenario.json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a good file gets a one-line summary")
    func good() async throws {
        let scenario = Scenario(
            instances: [TracerInstanceConfig(), TracerInstanceConfig()],
            steps: [
                .span(
                    SpanStep(
                        label: "request",
                        children: [
                            .hop(
                                HopStep(
                                    executor: .pool, width: 2, strategy: .fresh,
                                    tasks: [
                                        [.span(SpanStep(label: "a"))],
                                        [.span(SpanStep(label: "b", instance: 1))],
                                    ]))
                        ]))
            ])
        let path = try write(String(decoding: ScenarioLoader.encode(scenario), as: UTF8.self))
        let result = await Invocation.run(["check", path])
        #expect(result.status == .clean)
        #expect(result.output == "\(path): ok: 3 spans, 1 hop, 2 instances\n")
    }

    @Test(
        "a bad file is exit 2 naming the JSON path",
        arguments: [
            (
                #"{"format": 1, "steps": [{"span": {"label": "a"}}, "#
                    + #"{"hop": {"executor": "fiber", "strategy": "none", "tasks": []}}]}"#,
                "$.steps[1].hop.executor"
            ),
            (#"{"format": 1, "steps": [{"span": {}}]}"#, "$.steps[0].span.label"),
            (#"{"format": 99, "steps": []}"#, "$.format"),
            ("not json", "$"),
        ])
    func bad(text: String, path: String) async throws {
        let file = try write(text)
        let result = await Invocation.run(["check", file])
        #expect(result.status == .badInput)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("\(file): \(path): "), "\(result.error)")
    }

    @Test("a missing file is exit 2 naming the file")
    func missing() async {
        let result = await Invocation.run(["check", "/nonexistent/scenario.json"])
        #expect(result.status == .badInput)
        #expect(result.error.hasPrefix("/nonexistent/scenario.json: cannot read the file"))
    }

    @Test("no file, or two files, is bad usage")
    func usage() async {
        #expect(await Invocation.run(["check"]).status == .badInput)
        #expect(await Invocation.run(["check", "a.json", "b.json"]).status == .badInput)
    }
}
