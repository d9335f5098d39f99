/// Derives, from a scenario alone, the parent and trace every span must have.
///
/// Swift's rules: the context flows into `Task {}`, task groups and `async let` even under the `none`
/// strategy (task-local inheritance), and into a tracer's own propagating pool; it does not flow into
/// plain pools, Dispatch, `OperationQueue`, `Thread` or `Task.detached`, where `none` expects a new
/// root. `fresh`, `shared` and `carrier` all carry the submitter's current span to the worker.
///
/// `tracedPool` hops run on the adapter's own executor; whether it carries context by itself is what
/// that executor declares (``WorkExecutor/propagatesContext``), passed in as `tracedPoolPropagates`.
/// Another language's rules (``ContextRules/python``) replace Swift's for runs of its driver.
public enum Oracle {
    /// The expectation for every span, in pre-order, under a language's context rules (Swift's by default).
    public static func expectations(
        for scenario: Scenario, tracedPoolPropagates: Bool = true, rules: ContextRules = .swift
    ) -> [SpanExpectation] {
        var walker = Walker(tracedPoolPropagates: tracedPoolPropagates, rules: rules)
        walker.walk(scenario.steps, ambient: nil, site: "top")
        return walker.result
    }

    /// Whether the worker of a hop sees the submitter's context.
    public static func workerInheritsContext(
        executor: ExecutorKind, strategy: PropagationStrategy, tracedPoolPropagates: Bool = true,
        rules: ContextRules = .swift
    ) -> Bool {
        rules.inherits(executor, strategy: strategy, tracedPoolPropagates: tracedPoolPropagates)
    }

    private struct Ambient {
        var label: String
        var index: Int
        var traceRoot: String
        var traceRootIndex: Int
    }

    /// Walks the scenario's own steps in pre-order, numbering hops as ``ScenarioPlan`` does (a hop
    /// before the hops inside its tasks), so sites match the runtime's without building a plan.
    private struct Walker {
        let tracedPoolPropagates: Bool
        let rules: ContextRules
        var result: [SpanExpectation] = []
        var hops = 0

        mutating func walk(_ steps: [Step], ambient: Ambient?, site: String) {
            for step in steps {
                switch step {
                case .span(let span):
                    let index = result.count
                    let traceRoot = ambient?.traceRoot ?? span.label
                    let traceRootIndex = ambient?.traceRootIndex ?? index
                    result.append(
                        SpanExpectation(
                            label: span.label, instance: span.instance, parent: ambient?.label,
                            traceRoot: traceRoot, site: site, parentIndex: ambient?.index,
                            traceRootIndex: traceRootIndex))
                    guard !span.children.isEmpty else { continue }
                    let inside = Ambient(
                        label: span.label, index: index, traceRoot: traceRoot, traceRootIndex: traceRootIndex)
                    walk(span.children, ambient: inside, site: site)
                case .hop(let hop):
                    hops += 1
                    let id = hops
                    let inherits = Oracle.workerInheritsContext(
                        executor: hop.executor, strategy: hop.strategy,
                        tracedPoolPropagates: tracedPoolPropagates, rules: rules)
                    for (index, task) in hop.tasks.enumerated() {
                        let taskSite = PlannedHop.taskSite(
                            hop: id, task: index, executor: hop.executor, strategy: hop.strategy)
                        walk(task, ambient: inherits ? ambient : nil, site: taskSite)
                    }
                default:
                    break
                }
            }
        }
    }
}
