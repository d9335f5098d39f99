import Testing
import TraceFuzz

@Suite("ContextRules")
struct ContextRulesTests {
    /// Python's table, as Integrations/python/tests/test_context_rules.py measures it on the SDK.
    static let pythonInherits: [ExecutorKind: Bool] = [
        .pool: false, .tracedPool: true, .thread: false, .task: true, .detachedTask: false, .taskGroup: true,
        .asyncLet: true, .toThread: true, .runInExecutor: false, .process: false, .forkProcess: true,
        .processPool: false, .forkProcessPool: false,
    ]

    @Test("under none, Python's workers inherit exactly where its runtime copies the context", arguments: Array(pythonInherits.keys))
    func pythonNone(executor: ExecutorKind) {
        #expect(ContextRules.python.inherits(executor, strategy: .none) == Self.pythonInherits[executor])
    }

    @Test("fresh, shared and carrier carry the submitter in every language", arguments: ContextRules.allCases)
    func strategiesCarry(rules: ContextRules) {
        for executor in ExecutorKind.allCases {
            for strategy in [PropagationStrategy.fresh, .shared, .carrier] {
                #expect(rules.inherits(executor, strategy: strategy))
            }
        }
    }

    @Test("the oracle applies the run's rules: a fork child is the submitter's child only under Python's")
    func oracleUsesRules() {
        let scenario = Scenario(steps: [
            .span(SpanStep(label: "request", children: [
                .hop(HopStep(executor: .forkProcess, strategy: .none, tasks: [[.span(SpanStep(label: "child"))]])),
                .hop(HopStep(executor: .toThread, strategy: .none, tasks: [[.span(SpanStep(label: "thread"))]])),
            ]))
        ])
        let swift = Oracle.expectations(for: scenario, rules: .swift)
        let python = Oracle.expectations(for: scenario, rules: .python)
        #expect(swift.first { $0.label == "child" }?.parent == nil)
        #expect(python.first { $0.label == "child" }?.parent == "request")
        #expect(python.first { $0.label == "thread" }?.parent == "request")
    }

    @Test("the real runtime refuses executors only a driver runs, naming them")
    func realRuntimeRefusesDriverOnly() async {
        let scenario = Scenario(steps: [.hop(HopStep(executor: .toThread, tasks: [[.span(SpanStep(label: "a"))]]))])
        let record = await RealRuntime().run(scenario, factory: TraceCoreAdapterFactory(), seed: 1)
        #expect(record.unsupported?.contains("'toThread'") == true)
    }
}
