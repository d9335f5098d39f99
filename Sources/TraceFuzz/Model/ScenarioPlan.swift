/// A scenario with every hop numbered in pre-order (`h1`, `h2`, …), so the runtime, the oracle and the
/// messages name hops and tasks the same way.
struct ScenarioPlan: Sendable {
    let steps: [PlanStep]
    let hopCount: Int

    init(_ scenario: Scenario) {
        self.init(steps: scenario.steps, firstHopID: 1)
    }

    /// Plans a sub-scenario whose first hop is numbered `firstHopID`: a child process plans its task's
    /// steps this way, so its hops and sites have the names they have in the whole scenario's plan.
    init(steps: [Step], firstHopID: Int) {
        var counter = firstHopID - 1
        self.steps = Self.plan(steps, counter: &counter)
        hopCount = counter - (firstHopID - 1)
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
                var firstHopIDs: [Int] = []
                let tasks = hop.tasks.map { task in
                    firstHopIDs.append(counter + 1)
                    return plan(task, counter: &counter)
                }
                return .hop(
                    PlannedHop(
                        id: id, executor: hop.executor, width: hop.width, strategy: hop.strategy, join: hop.join,
                        tasks: tasks, source: hop, firstHopIDs: firstHopIDs))
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
    /// The hop as written: a `process` hop sends its tasks' steps to child processes.
    let source: HopStep
    /// The number the first hop inside each task has (whether or not the task has one).
    let firstHopIDs: [Int]

    /// The fault the child process of task `index` commits, if the scenario names one.
    func fault(task index: Int) -> ProcessFault? {
        source.fault.flatMap { $0.task == index ? $0 : nil }
    }

    /// `h3`.
    var name: String { "h\(id)" }

    /// `h3.t1 pool/fresh`: where task `index` runs.
    func taskSite(_ index: Int) -> String {
        Self.taskSite(hop: id, task: index, executor: executor, strategy: strategy)
    }

    /// `h3.t1 pool/fresh`: where task `task` of hop number `hop` runs, for code that numbers hops itself.
    static func taskSite(
        hop: Int, task: Int, executor: ExecutorKind, strategy: PropagationStrategy
    ) -> String {
        "h\(hop).t\(task) \(executor.rawValue)/\(strategy.rawValue)"
    }
}
