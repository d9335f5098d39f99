import Foundation
import Testing
import TraceFuzz

@Suite("ScenarioLoader")
struct ScenarioLoaderTests {
    static let valid = """
        {"format": 1, "steps": [{"span": {"label": "a", "children": [
          {"hop": {"executor": "pool", "width": 2, "strategy": "fresh", "tasks": [[{"span": {"label": "b"}}]]}}
        ]}}]}
        """

    @Test("a valid file decodes with defaults filled in")
    func decodesWithDefaults() throws {
        let scenario = try ScenarioLoader.decode(Data(Self.valid.utf8))
        #expect(scenario.instances == [TracerInstanceConfig()])
        #expect(scenario.deadlineMillis == Scenario.defaultDeadlineMillis)
        guard case .span(let top) = scenario.steps.first, case .hop(let hop) = top.children.first else {
            Issue.record("unexpected shape: \(scenario.steps)")
            return
        }
        #expect(hop.join)
        #expect(hop.executor == .pool)
    }

    @Test("encoding then decoding gives the same scenario, and encoding is byte-stable")
    func roundTrip() throws {
        let scenario = ScenarioGenerator().generate(seed: 7).scenario
        let encoded = ScenarioLoader.encode(scenario)
        let decoded = try ScenarioLoader.decode(encoded)
        #expect(decoded == scenario)
        #expect(ScenarioLoader.encode(decoded) == encoded)
    }

    /// A bad input and the path and words its error must name.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let path: String
        let words: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "not JSON", json: "{", path: "$", words: "not valid JSON: "),
        BadInput(
            name: "unknown strategy",
            json: #"{"format": 1, "steps": [{"hop": {"executor": "pool", "strategy": "magic", "tasks": [[]]}}]}"#,
            path: "$.steps[0].hop.strategy", words: "unknown value 'magic'; expected one of: fresh, shared, none, carrier"),
        BadInput(
            name: "future format", json: #"{"format": 2, "steps": []}"#, path: "$.format", words: "newer"),
        BadInput(name: "missing steps", json: #"{"format": 1}"#, path: "$.steps", words: "missing field"),
        BadInput(
            name: "unknown step", json: #"{"format": 1, "steps": [{"jump": {}}]}"#, path: "$.steps[0].jump",
            words: "unknown step 'jump'"),
        BadInput(
            name: "two keys in a step", json: #"{"format": 1, "steps": [{"yield": {}, "flush": {}}]}"#,
            path: "$.steps[0]", words: "exactly one key"),
        BadInput(
            name: "unknown executor",
            json: #"{"format": 1, "steps": [{"hop": {"executor": "fibers", "tasks": [[]]}}]}"#,
            path: "$.steps[0].hop.executor", words: "unknown value 'fibers'; expected one of: pool, tracedPool"),
        BadInput(
            name: "width out of range",
            json: #"{"format": 1, "steps": [{"hop": {"executor": "pool", "width": 12, "tasks": [[]]}}]}"#,
            path: "$.steps[0].hop.width", words: "12 is out of range 1...8"),
        BadInput(
            name: "missing label", json: #"{"format": 1, "steps": [{"span": {"instance": 0}}]}"#,
            path: "$.steps[0].span.label", words: "missing field 'label'"),
        BadInput(
            name: "empty label", json: #"{"format": 1, "steps": [{"span": {"label": ""}}]}"#,
            path: "$.steps[0].span.label", words: "non-empty"),
        BadInput(
            name: "duplicate label",
            json: #"{"format": 1, "steps": [{"span": {"label": "a"}}, {"span": {"label": "a"}}]}"#,
            path: "$.steps[1].span.label", words: "duplicate label 'a'"),
        BadInput(
            name: "instance out of range", json: #"{"format": 1, "steps": [{"span": {"label": "a", "instance": 3}}]}"#,
            path: "$.steps[0].span.instance", words: "out of range"),
        BadInput(
            name: "unjoined task group",
            json: #"{"format": 1, "steps": [{"hop": {"executor": "taskGroup", "join": false, "tasks": [[]]}}]}"#,
            path: "$.steps[0].hop.join", words: "always joined"),
        BadInput(
            name: "joined hop inside a dispatch-concurrent task",
            json: """
                {"format": 1, "steps": [{"hop": {"executor": "dispatchConcurrent", "tasks": [[
                  {"hop": {"executor": "thread", "join": true, "tasks": [[]]}}]]}}]}
                """,
            path: "$.steps[0].hop.tasks[0][0].hop.join", words: "starves"),
        BadInput(
            name: "a fault on a hop that is not a process hop",
            json: #"{"format": 1, "steps": [{"hop": {"executor": "pool", "#
                + #""fault": {"kind": "crash"}, "tasks": [[]]}}]}"#,
            path: "$.steps[0].hop.fault", words: "only 'process' and 'forkProcess' hops"),
        BadInput(
            name: "no tasks", json: #"{"format": 1, "steps": [{"hop": {"executor": "thread", "tasks": []}}]}"#,
            path: "$.steps[0].hop.tasks", words: "at least one task"),
        BadInput(
            name: "wrong type", json: #"{"format": 1, "steps": [{"sleep": {"micros": "long"}}]}"#,
            path: "$.steps[0].sleep.micros", words: "expected an integer"),
        BadInput(
            name: "barrier parties", json: #"{"format": 1, "steps": [{"barrier": {"name": "b", "parties": 1}}]}"#,
            path: "$.steps[0].barrier.parties", words: "out of range 2...16"),
        BadInput(
            name: "no instances", json: #"{"format": 1, "instances": [], "steps": []}"#, path: "$.instances",
            words: "at least one"),
    ]

    @Test("bad input fails with the JSON path and a reason", arguments: badInputs)
    func badInput(_ input: BadInput) {
        #expect {
            _ = try ScenarioLoader.decode(Data(input.json.utf8))
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.path == input.path && error.message.contains(input.words)
        }
    }

    @Test("a stored finding that wraps a scenario loads as that scenario")
    func loadsWrappedFinding() throws {
        let scenario = ScenarioGenerator().generate(seed: 3).scenario
        let scenarioJSON = String(decoding: ScenarioLoader.encode(scenario), as: UTF8.self)
        let wrapped = #"{"invariant": "right-parent", "scenario": "# + scenarioJSON + "}"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wrapped-\(UInt32.random(in: 0...UInt32.max)).json")
        try Data(wrapped.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ScenarioLoader.load(contentsOf: url) == scenario)
    }
}
