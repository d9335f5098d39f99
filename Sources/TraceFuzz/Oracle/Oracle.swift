/// Derives, from a scenario alone, the parent and trace every span must have.
///
/// Swift's rules: the context flows into `Task {}`, task groups and `async let` even under the `none`
/// strategy (task-local inheritance), and into a tracer's own propagating pool; it does not flow into
/// plain pools, Dispatch, `OperationQueue`, `Thread` or `Task.detached`, where `none` expects a new
/// root. `fresh`, `shared` and `carrier` all carry the submitter's current span to the worker.
public enum Oracle {
    /// The expectation for every span, in pre-order.
    public static func expectations(for scenario: Scenario) -> [SpanExpectation] {
        var walker = Walker()
        walker.walk(ScenarioPlan(scenario).steps, ambient: nil, site: "top")
        return walker.result
    }

    /// Whether the worker of a hop sees the submitter's context.
    public static func workerInheritsContext(executor: ExecutorKind, strategy: PropagationStrategy) -> Bool {
        strategy != .none || executor.inheritsTaskLocals || executor == .tracedPool
    }

    private struct Ambient {
        var label: String
        var traceRoot: String
    }

    private struct Walker {
        var result: [SpanExpectation] = []

        mutating func walk(_ steps: [PlanStep], ambient: Ambient?, site: String) {
            for step in steps {
                switch step {
                case .span(let span):
                    let traceRoot = ambient?.traceRoot ?? span.label
                    result.append(
                        SpanExpectation(
                            label: span.label, instance: span.instance, parent: ambient?.label,
                            traceRoot: traceRoot, site: site))
                    walk(span.children, ambient: Ambient(label: span.label, traceRoot: traceRoot), site: site)
                case .hop(let hop):
                    let inherits = Oracle.workerInheritsContext(executor: hop.executor, strategy: hop.strategy)
                    for (index, task) in hop.tasks.enumerated() {
                        walk(task, ambient: inherits ? ambient : nil, site: hop.taskSite(index))
                    }
                case .other:
                    break
                }
            }
        }
    }
}
