/// One step of a scenario. In JSON a step is an object with a single key naming its kind:
/// `{"span": {...}}`, `{"hop": {...}}`, `{"flush": {...}}`, `{"shutdown": {...}}`, `{"yield": {}}`,
/// `{"sleep": {...}}`, `{"barrier": {...}}`.
public enum Step: Hashable, Sendable {
    /// Start a span, make it current, run its children, end it.
    case span(SpanStep)
    /// Hand tasks to an executor, with a context-propagation strategy.
    case hop(HopStep)
    /// Force-flush one tracer instance and check nothing that ended before is missing.
    case flush(FlushStep)
    /// Shut one tracer instance down (flushing first) and check nothing that ended before is missing;
    /// spans of that instance that end later must be dropped and counted.
    case shutdown(FlushStep)
    /// Give up the thread or task for a moment (a perturbation).
    case yield
    /// Sleep a few microseconds (a perturbation).
    case sleep(SleepStep)
    /// Wait until several tasks arrive, then release them together (a perturbation; never deadlocks:
    /// a barrier gives up waiting after a short time).
    case barrier(BarrierStep)

    /// The step kind as written in JSON.
    public var kindName: String {
        switch self {
        case .span: "span"
        case .hop: "hop"
        case .flush: "flush"
        case .shutdown: "shutdown"
        case .yield: "yield"
        case .sleep: "sleep"
        case .barrier: "barrier"
        }
    }
}

/// A span: a unique label, the tracer instance that makes it, and the steps run inside it.
public struct SpanStep: Codable, Hashable, Sendable {
    /// The span's name; unique within the scenario.
    public var label: String
    /// Index into ``Scenario/instances``.
    public var instance: Int
    /// Steps run while this span is current.
    public var children: [Step]

    /// Creates a span step.
    public init(label: String, instance: Int = 0, children: [Step] = []) {
        self.label = label
        self.instance = instance
        self.children = children
    }

    private enum CodingKeys: String, CodingKey { case label, instance, children }

    /// Decodes a span step; `instance` defaults to 0 and `children` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        instance = try container.decodeIfPresent(Int.self, forKey: .instance) ?? 0
        children = try container.decodeIfPresent([Step].self, forKey: .children) ?? []
    }

    /// Encodes a span step, leaving out empty children.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(instance, forKey: .instance)
        if !children.isEmpty { try container.encode(children, forKey: .children) }
    }
}

/// A hop: tasks handed to an executor. Each task is a list of steps run in the worker.
public struct HopStep: Codable, Hashable, Sendable {
    /// Where the tasks run.
    public var executor: ExecutorKind
    /// Worker count for `pool`, `tracedPool` and `operationQueue` (1–8); ignored otherwise.
    public var width: Int
    /// How the submitter's context reaches the worker.
    public var strategy: PropagationStrategy
    /// Wait for every task before the next step (`true`), or fire and forget (`false`; such tasks are
    /// joined before the final flush).
    public var join: Bool
    /// The tasks; each is a list of steps.
    public var tasks: [[Step]]
    /// A fault one task's child process commits on purpose (`process` hops only); left out of the JSON
    /// when there is none.
    public var fault: ProcessFault?

    /// Creates a hop step.
    public init(
        executor: ExecutorKind, width: Int = 2, strategy: PropagationStrategy = .fresh, join: Bool = true,
        tasks: [[Step]], fault: ProcessFault? = nil
    ) {
        self.executor = executor
        self.width = width
        self.strategy = strategy
        self.join = join
        self.tasks = tasks
        self.fault = fault
    }

    private enum CodingKeys: String, CodingKey { case executor, width, strategy, join, tasks, fault }

    /// Decodes a hop; `width` defaults to 2, `strategy` to `fresh`, `join` to `true`, `fault` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        executor = try container.decode(ExecutorKind.self, forKey: .executor)
        width = try container.decodeIfPresent(Int.self, forKey: .width) ?? 2
        strategy = try container.decodeIfPresent(PropagationStrategy.self, forKey: .strategy) ?? .fresh
        join = try container.decodeIfPresent(Bool.self, forKey: .join) ?? true
        tasks = try container.decode([[Step]].self, forKey: .tasks)
        fault = try container.decodeIfPresent(ProcessFault.self, forKey: .fault)
    }
}

/// Force-flush, or shut down, one instance.
public struct FlushStep: Codable, Hashable, Sendable {
    /// Index into ``Scenario/instances``.
    public var instance: Int

    /// Creates a flush step.
    public init(instance: Int = 0) { self.instance = instance }
}

/// Sleep for a few microseconds.
public struct SleepStep: Codable, Hashable, Sendable {
    /// How long, in microseconds (0–100000).
    public var micros: Int

    /// Creates a sleep step.
    public init(micros: Int) { self.micros = micros }
}

/// A named rendezvous: tasks reaching a barrier with the same name wait for each other.
public struct BarrierStep: Codable, Hashable, Sendable {
    /// The barrier's name; tasks meeting at it use the same name.
    public var name: String
    /// How many arrivals release it (2–16).
    public var parties: Int

    /// Creates a barrier step.
    public init(name: String, parties: Int) {
        self.name = name
        self.parties = parties
    }
}
