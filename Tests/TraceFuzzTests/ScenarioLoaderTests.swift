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
        // Strict input: nothing a lenient decoder would let through passes silently.
        BadInput(
            name: "unknown field in a span",
            json: #"{"format": 1, "steps": [{"span": {"label": "a", "childern": []}}]}"#,
            path: "$.steps[0].span.childern", words: "unknown field 'childern'"),
        BadInput(
            name: "unknown top-level field", json: #"{"format": 1, "step": [], "steps": []}"#, path: "$.step",
            words: "unknown field 'step'"),
        BadInput(
            name: "unknown field in an instance",
            json: #"{"format": 1, "instances": [{"processor": "batch", "queueSize": 4}], "steps": []}"#,
            path: "$.instances[0].queueSize", words: "unknown field 'queueSize'"),
        BadInput(
            name: "unknown field in a fault",
            json: #"{"format": 1, "steps": [{"hop": {"executor": "process", "#
                + #""fault": {"kind": "crash", "after": 1}, "tasks": [[]]}}]}"#,
            path: "$.steps[0].hop.fault.after", words: "unknown field 'after'"),
        BadInput(
            name: "unknown field in yield", json: #"{"format": 1, "steps": [{"yield": {"times": 2}}]}"#,
            path: "$.steps[0].yield.times", words: "unknown field 'times'"),
        BadInput(
            name: "a float for an integer",
            json: #"{"format": 1, "steps": [{"span": {"label": "a", "instance": 1.5}}]}"#,
            path: "$.steps[0].span.instance", words: "expected an integer, found the number 1.5"),
        BadInput(
            name: "an exponent for an integer", json: #"{"format": 1, "deadlineMillis": 1e3, "steps": []}"#,
            path: "$.deadlineMillis", words: "expected an integer, found the number 1e3"),
        BadInput(
            name: "an integer too large",
            json: #"{"format": 1, "steps": [{"sleep": {"micros": 1000000000000000000000000000000}}]}"#,
            path: "$.steps[0].sleep.micros", words: "1000000000000000000000000000000 is out of range for an integer"),
        BadInput(
            name: "a boolean for an integer", json: #"{"format": true, "steps": []}"#, path: "$.format",
            words: "expected an integer, found true"),
        BadInput(
            name: "null for a required field", json: #"{"format": 1, "steps": null}"#, path: "$.steps",
            words: "expected an array, found null"),
        BadInput(
            name: "an object for a string", json: #"{"format": 1, "steps": [{"span": {"label": {}}}]}"#,
            path: "$.steps[0].span.label", words: "expected a string, found an object"),
        BadInput(
            name: "a duplicate key", json: #"{"format": 1, "steps": [], "steps": []}"#, path: "$",
            words: "not valid JSON: duplicate key 'steps' at line 1, column 28"),
        BadInput(
            name: "a trailing comma", json: #"{"format": 1, "steps": [],}"#, path: "$",
            words: "not valid JSON: expected a key in quotes, found character '}'"),
        BadInput(
            name: "a leading zero", json: #"{"format": 01, "steps": []}"#, path: "$",
            words: "not valid JSON: a number with a leading zero"),
        BadInput(
            name: "trailing text", json: #"{"format": 1, "steps": []} x"#, path: "$",
            words: "not valid JSON: unexpected character 'x' after the document"),
        BadInput(
            name: "nesting past the reader's bound", json: String(repeating: "[", count: 600), path: "$",
            words: "not valid JSON: nested deeper than 512 levels"),
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

    @Test("a wrapped scenario is read strictly, with paths under $.scenario; the wrapper's own fields are free")
    func strictInsideWrapper() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wrapped-\(UInt32.random(in: 0...UInt32.max)).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let wrapped = #"{"violations": [1.5], "seed": "0x8", "choices": [18446744073709551615], "#
            + #""scenario": {"format": 1, "steps": [{"span": {"label": "a", "instance": 0.5}}]}}"#
        try Data(wrapped.utf8).write(to: url)
        #expect(throws: ScenarioError(path: "$.scenario.steps[0].span.instance", message: "expected an integer, found the number 0.5")) {
            _ = try ScenarioLoader.load(contentsOf: url)
        }
        let fine = wrapped.replacingOccurrences(of: "0.5", with: "0")
        try Data(fine.utf8).write(to: url)
        let file = try ScenarioLoader.loadFile(contentsOf: url)
        #expect(file.seed == "0x8" && file.choices == [UInt64.max])
    }

    @Test("strings unescape as JSON says, and survive a round trip")
    func escapes() throws {
        let json = #"{"format": 1, "description": "tab\t quote\" \u00e9 \ud83d\ude00 /\/", "steps": []}"#
        let scenario = try ScenarioLoader.decode(Data(json.utf8))
        #expect(scenario.description == "tab\t quote\" é 😀 //")
        #expect(try ScenarioLoader.decode(ScenarioLoader.encode(scenario)) == scenario)
    }

    @Test("a directory or a missing file is named as such")
    func notAFile() {
        let directory = FileManager.default.temporaryDirectory
        #expect(throws: ScenarioError(path: directory.path, message: "is a directory, not a scenario file")) {
            _ = try ScenarioLoader.load(contentsOf: directory)
        }
        let missing = directory.appendingPathComponent("no-such-\(UInt32.random(in: 0...UInt32.max)).json")
        #expect(throws: ScenarioError(path: missing.path, message: "no such file")) {
            _ = try ScenarioLoader.load(contentsOf: missing)
        }
    }
}
