import Foundation
import Testing
import TraceFuzz

/// The scenario format, validation and generation of process hops and their faults.
@Suite("Process hops: scenarios and generation")
struct ProcessScenarioTests {
    /// A bad process-hop scenario and what its error must say.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let path: String
        let words: String
        var testDescription: String { name }
    }

    /// A one-hop scenario with `fault` (a JSON object) on a hop of `executor` with `tasks`.
    static func json(executor: String = "process", fault: String, tasks: String = "[[]]") -> String {
        #"{"format": 1, "steps": [{"hop": {"executor": ""# + executor + #"", "fault": "# + fault
            + #", "tasks": "# + tasks + "}}]}"
    }

    static let badInputs: [BadInput] = [
        BadInput(
            name: "a fault on a thread hop", json: json(executor: "thread", fault: #"{"kind": "crash"}"#),
            path: "$.steps[0].hop.fault", words: "only 'process' and 'forkProcess' hops"),
        BadInput(
            name: "a fault's task out of range",
            json: json(fault: #"{"kind": "hang", "task": 2}"#, tasks: "[[], []]"),
            path: "$.steps[0].hop.fault.task", words: "out of range 0...1"),
        BadInput(
            name: "a signal on a noFlush fault", json: json(fault: #"{"kind": "noFlush", "signal": 6}"#),
            path: "$.steps[0].hop.fault.signal", words: "only a 'crash'"),
        BadInput(
            name: "an unknown crash signal", json: json(fault: #"{"kind": "crash", "signal": 2}"#),
            path: "$.steps[0].hop.fault.signal", words: "not one of the crash signals"),
        BadInput(
            name: "an unknown fault kind", json: json(fault: #"{"kind": "explode"}"#),
            path: "$.steps[0].hop.fault.kind", words: "explode"),
    ]

    @Test("bad process hops fail with the JSON path and a reason", arguments: badInputs)
    func badInput(_ input: BadInput) {
        #expect {
            _ = try ScenarioLoader.decode(Data(input.json.utf8))
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.path == input.path && error.message.contains(input.words)
        }
    }

    @Test("a process hop with a fault loads, and survives the canonical form byte for byte")
    func roundTrip() throws {
        let json = #"""
            {"format": 1, "steps": [{"span": {"label": "r", "children": [{"hop": {"executor": "process",
             "strategy": "carrier", "fault": {"kind": "crash", "task": 1, "afterSpans": 2, "signal": 11},
             "tasks": [[{"span": {"label": "a"}}], [{"span": {"label": "b"}}]]}}]}}]}
            """#
        let scenario = try ScenarioLoader.decode(Data(json.utf8))
        guard case .span(let request) = scenario.steps[0], case .hop(let hop) = request.children[0] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(hop.fault == ProcessFault(kind: .crash, task: 1, afterSpans: 2, signal: 11))
        let encoded = ScenarioLoader.encode(scenario)
        #expect(try ScenarioLoader.decode(encoded) == scenario)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""afterSpans" : 2"#))
    }

    @Test("a hop without a fault writes no fault field (older files stay canonical)")
    func noFaultField() {
        let scenario = Scenario(steps: [.hop(HopStep(executor: .process, tasks: [[]]))])
        #expect(!String(decoding: ScenarioLoader.encode(scenario), as: UTF8.self).contains("fault"))
    }

    /// Small scenarios: these tests count what the generator draws, and must stay quick.
    static func small() -> GeneratorOptions {
        var options = GeneratorOptions()
        options.maxSpans = 4
        options.maxHops = 2
        options.maxDepth = 2
        options.maxFanOut = 2
        return options
    }

    @Test("processScenarioPercent is the share of scenarios that may have process hops at all")
    func processScenarioGate() async {
        var options = Self.small()
        options.executorWeights = [.pool: 1, .process: 1_000]
        #expect(GeneratorOptions().processScenarioPercent == 3)
        let gated = Self.scenariosWithProcessHops(options, seeds: 400)
        options.processScenarioPercent = 100
        let open = Self.scenariosWithProcessHops(options, seeds: 400)
        #expect(open > 200, "with the gate open, most small scenarios have a hop, and so a process hop")
        #expect(gated > 0 && gated * 10 < open, "\(gated) of 400 gated, \(open) of 400 open")
        options.processScenarioPercent = 0
        #expect(Self.scenariosWithProcessHops(options, seeds: 100) == 0)
        options.executorWeights = [.process: 1]
        #expect(Self.scenariosWithProcessHops(options, seeds: 100) > 50, "process alone ignores the gate")
    }

    @Test("faults are only noFlush and crash by default")
    func defaultFaults() throws {
        var options = Self.small()
        options.executorWeights = [.process: 1]
        let generator = ScenarioGenerator(options: options)
        var processHops = 0
        var faults: [ProcessFault.Kind: Int] = [:]
        for seed in 0..<300 as Range<UInt64> {
            let scenario = generator.generate(seed: seed).scenario
            try ScenarioValidator.validate(scenario)
            for hop in Self.hops(scenario.steps) where hop.executor == .process {
                processHops += 1
                if let fault = hop.fault { faults[fault.kind, default: 0] += 1 }
            }
        }
        #expect(processHops > 100)
        #expect(Set(faults.keys) == [.noFlush, .crash])
    }

    @Test("hang and garbage are generated only when given a weight, with a short deadline for hangs")
    func findingFaultsOnRequest() throws {
        var options = Self.small()
        options.executorWeights = [.process: 1]
        options.processFaultPercent = 100
        options.processFaultWeights = [.hang: 1, .garbage: 1]
        let generator = ScenarioGenerator(options: options)
        var kinds: Set<ProcessFault.Kind> = []
        for seed in 0..<100 as Range<UInt64> {
            let scenario = generator.generate(seed: seed).scenario
            try ScenarioValidator.validate(scenario)
            let hopFaults = Self.hops(scenario.steps).compactMap(\.fault)
            kinds.formUnion(hopFaults.map(\.kind))
            if hopFaults.contains(where: { $0.kind == .hang }) { #expect(scenario.deadlineMillis < 10_000) }
        }
        #expect(kinds == [.hang, .garbage])
    }

    @Test("generator options: fault percent and weights are checked, and process hops are allowed")
    func options() {
        var options = GeneratorOptions()
        options.executorWeights = [.process: 1]
        #expect(throws: Never.self) { try options.validate() }
        options.processFaultPercent = 101
        #expect(throws: OptionError(option: "process-fault-percent", message: "101 is out of range 0...100"))
        {
            try options.validate()
        }
        options.processFaultPercent = 10
        options.processFaultWeights = [.crash: -1]
        #expect(throws: OptionError.self) { try options.validate() }
    }

    static func scenariosWithProcessHops(_ options: GeneratorOptions, seeds: UInt64) -> Int {
        let generator = ScenarioGenerator(options: options)
        return (0..<seeds).filter { seed in
            hops(generator.generate(seed: seed).scenario.steps).contains { $0.executor == .process }
        }.count
    }

    static func hops(_ steps: [Step]) -> [HopStep] {
        steps.flatMap { step -> [HopStep] in
            switch step {
            case .span(let span): hops(span.children)
            case .hop(let hop): [hop] + hop.tasks.flatMap(hops)
            default: []
            }
        }
    }
}
