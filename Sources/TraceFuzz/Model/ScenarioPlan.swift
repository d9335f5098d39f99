/// A scenario with every hop numbered in pre-order (`h1`, `h2`, …), so the runtime, the oracle and the
/// messages name hops and tasks the same way.
struct ScenarioPlan: Sendable {
    let steps: [PlanStep]
    let hopCount: Int

    init(_ scenario: Scenario) {
        var counter = 0
        steps = Self.plan(scenario.steps, counter: &counter)
        hopCount = counter
    }

    private static func plan(_ steps: [Step], counter: inout Int) -> [PlanStep] {
        steps.map { step in
            switch step {
            case .span(let span):
                return .span(
                    PlannedSpan(label: span.label, instance: span.instance, children: plan(span.children, counter: &counter)))
            case .hop(let hop):
                counter += 1
                let id = counter
                let tasks = hop.tasks.map { plan($0, counter: &counter) }
                return .hop(
                    PlannedHop(
                        id: id, executor: hop.executor, width: hop.width, strategy: hop.strategy, join: hop.join,
                        tasks: tasks))
            default:
                return .other(step)
            }
        }
    }
}

/// One step of a ``ScenarioPlan``.
indirect enum PlanStep: Sendable {
    case span(PlannedSpan)
    case hop(PlannedHop)
    case other(Step)
}

struct PlannedSpan: Sendable {
    let label: String
    let instance: Int
    let children: [PlanStep]
}

struct PlannedHop: Sendable {
    let id: Int
    let executor: ExecutorKind
    let width: Int
    let strategy: PropagationStrategy
    let join: Bool
    let tasks: [[PlanStep]]

    /// `h3`.
    var name: String { "h\(id)" }

    /// `h3.t1 pool/fresh`: where task `index` runs.
    func taskSite(_ index: Int) -> String {
        "h\(id).t\(index) \(executor.rawValue)/\(strategy.rawValue)"
    }
}
