import TraceFuzz

/// A large recorded run for timing the checker: a hand-built scenario of thousands of spans (requests
/// that fan out over pools, serial queues, task groups and tasks, under every propagating strategy,
/// in two tracer instances), run once against TraceCore on the real runtime.
///
/// ```swift
/// let workload = await CheckerWorkload.make(requests: 64)
/// let result = Checker().check(workload.scenario, record: workload.record)   // passes, 4,160 spans
/// ```
struct CheckerWorkload: Sendable {
    /// The scenario.
    var scenario: Scenario
    /// What its run recorded.
    var record: RunRecord
    /// The spans the oracle expects.
    var spans: Int

    /// Builds the scenario (`requests` × 65 spans) and runs it once.
    static func make(requests: Int) async -> CheckerWorkload {
        let scenario = Self.scenario(requests: requests)
        let record = await RealRuntime().run(scenario, factory: TraceCoreAdapterFactory(), seed: 1)
        return CheckerWorkload(
            scenario: scenario, record: record, spans: Oracle.expectations(for: scenario).count)
    }

    /// `requests` request spans alternating between two instances; each fans out four tasks of one
    /// span with fifteen children; a flush of each instance ends the scenario.
    static func scenario(requests: Int) -> Scenario {
        let executors: [ExecutorKind] = [.pool, .dispatchSerial, .taskGroup, .task]
        let strategies: [PropagationStrategy] = [.fresh, .carrier, .shared]
        let steps: [Step] = (0..<requests).map { request in
            let tasks: [[Step]] = (0..<4).map { task in
                let children: [Step] = (0..<15).map { child in
                    .span(SpanStep(label: "r\(request).t\(task).c\(child)", instance: request % 2))
                }
                return [
                    .span(SpanStep(label: "r\(request).t\(task)", instance: request % 2, children: children))
                ]
            }
            let hop = HopStep(
                executor: executors[request % executors.count], width: 4,
                strategy: strategies[request % strategies.count], join: true, tasks: tasks)
            return .span(SpanStep(label: "r\(request)", instance: request % 2, children: [.hop(hop)]))
        }
        return Scenario(
            description: "checker benchmark workload",
            instances: [TracerInstanceConfig(), TracerInstanceConfig()],
            steps: steps + [.flush(FlushStep(instance: 0)), .flush(FlushStep(instance: 1))])
    }
}
