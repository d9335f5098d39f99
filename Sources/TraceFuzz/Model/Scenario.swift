/// A concurrency scenario: tracer instances and a tree of steps, the unit TraceFuzz generates, runs,
/// checks, shrinks and stores.
///
/// Scenarios are plain JSON (`"format": 1`); see `Scenarios/README.md` for the field reference.
///
/// ```swift
/// let scenario = Scenario(steps: [
///     .span(SpanStep(label: "request", children: [
///         .hop(HopStep(executor: .pool, width: 2, strategy: .fresh, tasks: [
///             [.span(SpanStep(label: "work-1"))], [.span(SpanStep(label: "work-2"))],
///         ])),
///     ])),
/// ])
/// ```
public struct Scenario: Codable, Hashable, Sendable {
    /// The file format this build reads and writes.
    public static let currentFormat = 1

    /// The format version of this scenario.
    public var format: Int
    /// What the scenario shows, in a line; optional.
    public var description: String?
    /// The tracer instances; spans name one by index. At least one.
    public var instances: [TracerInstanceConfig]
    /// The top-level steps, run in order on the runner's task.
    public var steps: [Step]
    /// How long a run may take before the watchdog reports a hang, in milliseconds.
    public var deadlineMillis: Int

    /// The default deadline: generous for any generated scenario, short enough for CI.
    public static let defaultDeadlineMillis = 10_000

    /// Creates a scenario.
    public init(
        description: String? = nil, instances: [TracerInstanceConfig] = [TracerInstanceConfig()], steps: [Step],
        deadlineMillis: Int = Scenario.defaultDeadlineMillis
    ) {
        self.format = Self.currentFormat
        self.description = description
        self.instances = instances
        self.steps = steps
        self.deadlineMillis = deadlineMillis
    }

    private enum CodingKeys: String, CodingKey {
        case format, description, instances, steps, deadlineMillis
    }

    /// Decodes a scenario; missing optional fields take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        instances =
            try container.decodeIfPresent([TracerInstanceConfig].self, forKey: .instances)
            ?? [TracerInstanceConfig()]
        steps = try container.decode([Step].self, forKey: .steps)
        deadlineMillis =
            try container.decodeIfPresent(Int.self, forKey: .deadlineMillis) ?? Self.defaultDeadlineMillis
    }
}

/// How one tracer instance of a scenario is configured.
public struct TracerInstanceConfig: Codable, Hashable, Sendable {
    /// Which span processor the instance uses.
    public enum Processor: String, Codable, Hashable, Sendable, CaseIterable {
        /// Export each span as it ends.
        case simple
        /// Queue spans and export them in batches from a worker.
        case batch
    }

    /// Which span a full batch queue gives up.
    public enum DropPolicy: String, Codable, Hashable, Sendable, CaseIterable {
        /// Refuse the span that does not fit.
        case dropNewest
        /// Evict the oldest queued span to make room.
        case dropOldest
    }

    /// The processor kind.
    public var processor: Processor
    /// The batch queue's capacity (batch only).
    public var maxQueueSize: Int
    /// The most spans exported at once (batch only).
    public var maxExportBatchSize: Int
    /// The batch drop policy (batch only).
    public var dropPolicy: DropPolicy

    /// Creates an instance configuration.
    public init(
        processor: Processor = .simple, maxQueueSize: Int = 2048, maxExportBatchSize: Int = 512,
        dropPolicy: DropPolicy = .dropNewest
    ) {
        self.processor = processor
        self.maxQueueSize = maxQueueSize
        self.maxExportBatchSize = maxExportBatchSize
        self.dropPolicy = dropPolicy
    }

    private enum CodingKeys: String, CodingKey {
        case processor, maxQueueSize, maxExportBatchSize, dropPolicy
    }

    /// Decodes an instance; missing fields take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TracerInstanceConfig()
        processor = try container.decodeIfPresent(Processor.self, forKey: .processor) ?? defaults.processor
        maxQueueSize = try container.decodeIfPresent(Int.self, forKey: .maxQueueSize) ?? defaults.maxQueueSize
        maxExportBatchSize =
            try container.decodeIfPresent(Int.self, forKey: .maxExportBatchSize) ?? defaults.maxExportBatchSize
        dropPolicy = try container.decodeIfPresent(DropPolicy.self, forKey: .dropPolicy) ?? defaults.dropPolicy
    }
}
