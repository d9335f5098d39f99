import Testing
import TraceFuzz

@Suite("Oracle")
struct OracleTests {
    static let executors = ExecutorKind.allCases.filter { $0 != .process && !ExecutorKind.driverOnly.contains($0) }

    @Test(
        "a worker span's expected parent follows Swift's inheritance rules",
        arguments: executors, PropagationStrategy.allCases)
    func workerParent(executor: ExecutorKind, strategy: PropagationStrategy) {
        let scenario = Scenario(steps: [span("request", hop(executor, strategy, [span("work")]))])
        let expectations = Dictionary(uniqueKeysWithValues: Oracle.expectations(for: scenario).map { ($0.label, $0) })
        let inherits = strategy != .none || [.task, .taskGroup, .asyncLet, .tracedPool].contains(executor)
        #expect(expectations["work"]?.parent == (inherits ? "request" : nil))
        #expect(expectations["work"]?.traceRoot == (inherits ? "request" : "work"))
        #expect(expectations["request"]?.parent == nil)
    }

    @Test("a tracedPool worker inherits only if the adapter's executor says it propagates", arguments: [true, false])
    func tracedPoolTakesTheExecutorAtItsWord(propagates: Bool) {
        let scenario = Scenario(steps: [span("request", hop(.tracedPool, .none, [span("work")]))])
        let work = Oracle.expectations(for: scenario, tracedPoolPropagates: propagates).first { $0.label == "work" }
        #expect(work?.parent == (propagates ? "request" : nil))
    }

    @Test("nested hops: context lost at an inner 'none' hop stays lost below it")
    func nestedLoss() {
        let scenario = Scenario(steps: [
            span(
                "a",
                hop(.pool, .fresh, [span("b", hop(.thread, .none, [span("c", hop(.task, .none, [span("d")]))]))]))
        ])
        let parents = Dictionary(uniqueKeysWithValues: Oracle.expectations(for: scenario).map { ($0.label, $0.parent) })
        #expect(parents["b"] == "a")
        #expect(parents["c"] == .some(nil))
        #expect(parents["d"] == "c")
    }

    @Test("the site names the hop, task, executor and strategy")
    func siteNames() {
        let scenario = Scenario(steps: [span("a", hop(.dispatchSerial, .carrier, [span("b")], [span("c")]))])
        let sites = Dictionary(uniqueKeysWithValues: Oracle.expectations(for: scenario).map { ($0.label, $0.site) })
        #expect(sites["a"] == "top")
        #expect(sites["c"] == "h1.t1 dispatchSerial/carrier")
    }

    @Test("hops are numbered in pre-order, a hop before the hops inside its tasks, as the runtime names them")
    func nestedSiteNumbers() {
        let scenario = Scenario(steps: [
            span(
                "a",
                hop(
                    .pool, .fresh, [span("b", hop(.thread, .none, [span("c")]))],
                    [hop(.task, .carrier, [span("d")]), span("e", hop(.taskGroup, .shared, [span("f")]))])),
            .flush(FlushStep()),
            hop(.dispatchSerial, .fresh, [span("g")]),
        ])
        let sites = Dictionary(uniqueKeysWithValues: Oracle.expectations(for: scenario).map { ($0.label, $0.site) })
        #expect(sites["b"] == "h1.t0 pool/fresh")
        #expect(sites["c"] == "h2.t0 thread/none")
        #expect(sites["d"] == "h3.t0 task/carrier")
        #expect(sites["e"] == "h1.t1 pool/fresh")
        #expect(sites["f"] == "h4.t0 taskGroup/shared")
        #expect(sites["g"] == "h5.t0 dispatchSerial/fresh")
    }
}
