/// Bounds and weights for ``ScenarioGenerator``.
///
/// ```swift
/// var options = GeneratorOptions()
/// options.maxDepth = 3
/// options.executorWeights = [.pool: 1, .dispatchConcurrent: 1]   // only these executors
/// ```
public struct GeneratorOptions: Hashable, Sendable, Codable {
    /// The deepest nesting of spans and hops (1–16).
    public var maxDepth = 4
    /// The most tasks per hop (1–16).
    public var maxFanOut = 4
    /// The most spans per scenario (1–512).
    public var maxSpans = 24
    /// The most hops per scenario (0–64).
    public var maxHops = 6
    /// The most steps in one list: the top level, a span's children, or a task (1–8).
    public var maxStepsPerList = 3
    /// The most tracer instances (1–8).
    public var maxInstances = 3
    /// Relative weights of executors; an executor with weight 0 (or absent) is never chosen.
    public var executorWeights: [ExecutorKind: Int] = GeneratorOptions.defaultExecutorWeights
    /// Relative weights of strategies; absent means never.
    public var strategyWeights: [PropagationStrategy: Int] = [.fresh: 3, .shared: 2, .none: 2, .carrier: 2]
    /// Whether to generate `yield`, `sleep` and `barrier` steps.
    public var perturbations = true
    /// Whether to generate `flush` steps in the middle of a scenario.
    public var flushes = true
    /// Whether some instances use batching processors, some with queues small enough to drop spans.
    public var batchProcessors = true

    /// Every supported executor, equally likely but for a little less `thread` (threads are slow to make).
    public static let defaultExecutorWeights: [ExecutorKind: Int] = [
        .pool: 3, .tracedPool: 2, .dispatchConcurrent: 3, .dispatchSerial: 2, .operationQueue: 2, .thread: 1,
        .task: 3, .detachedTask: 2, .taskGroup: 3, .asyncLet: 2,
    ]

    /// The default options.
    public init() {}

    /// Throws a message naming the first option out of range.
    public func validate() throws(OptionError) {
        try Self.check(maxDepth, 1...16, "max-depth")
        try Self.check(maxFanOut, 1...16, "max-fan-out")
        try Self.check(maxSpans, 1...512, "max-spans")
        try Self.check(maxHops, 0...64, "max-hops")
        try Self.check(maxStepsPerList, 1...8, "max-steps")
        try Self.check(maxInstances, 1...8, "max-instances")
        if executorWeights.values.allSatisfy({ $0 <= 0 }) {
            throw OptionError(option: "executors", message: "at least one executor is required")
        }
        if executorWeights[.process, default: 0] > 0 {
            throw OptionError(option: "executors", message: "'process' hops are not supported by this build yet")
        }
        if strategyWeights.values.allSatisfy({ $0 <= 0 }) {
            throw OptionError(option: "strategies", message: "at least one strategy is required")
        }
    }

    private static func check(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws(OptionError) {
        if !range.contains(value) {
            throw OptionError(option: name, message: "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
    }
}

/// A bad option value, naming the option.
public struct OptionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The option's name, as on the command line without dashes.
    public var option: String
    /// What is wrong with it.
    public var message: String

    /// Creates an option error.
    public init(option: String, message: String) {
        self.option = option
        self.message = message
    }

    /// `--option: message`.
    public var description: String { "--\(option): \(message)" }
}
