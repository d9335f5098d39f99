/// Turns a seed (through a recorded ``ChoiceSequence``) into a ``Scenario``.
///
/// Generation is a pure function of the choices: the same seed and options give a byte-identical
/// scenario, and replaying a (possibly edited) choice sequence gives a scenario the generator could
/// have made from some seed.
///
/// ```swift
/// let generated = ScenarioGenerator(options: GeneratorOptions()).generate(seed: 42)
/// print(String(decoding: ScenarioLoader.encode(generated.scenario), as: UTF8.self))
/// ```
public struct ScenarioGenerator: Sendable {
    /// The bounds and weights in force.
    public let options: GeneratorOptions

    /// Creates a generator.
    public init(options: GeneratorOptions = GeneratorOptions()) { self.options = options }

    /// A scenario from a seed, with the choices that made it.
    public func generate(seed: UInt64) -> GeneratedScenario {
        var builder = Builder(options: options, source: ChoiceSource(seed: seed))
        let scenario = builder.build()
        return GeneratedScenario(
            seed: seed, choices: builder.source.recorded, scenario: scenario, stepRanges: builder.stepRanges,
            stepListCounts: builder.stepListCounts)
    }

    /// A scenario from a recorded (or edited) choice sequence.
    public func generate(replaying choices: ChoiceSequence, seed: UInt64) -> GeneratedScenario {
        var builder = Builder(options: options, source: ChoiceSource(replaying: choices))
        let scenario = builder.build()
        return GeneratedScenario(
            seed: seed, choices: builder.source.recorded, scenario: scenario, stepRanges: builder.stepRanges,
            stepListCounts: builder.stepListCounts)
    }

    /// A scenario drawn from `source`.
    public func generate(from source: inout ChoiceSource) -> Scenario {
        var builder = Builder(options: options, source: source)
        let scenario = builder.build()
        source = builder.source
        return scenario
    }
}

/// A generated scenario with its seed and choice sequence, ready for replay and shrinking.
public struct GeneratedScenario: Hashable, Sendable {
    /// The seed the choices came from.
    public var seed: UInt64
    /// The choices that made the scenario.
    public var choices: ChoiceSequence
    /// The scenario.
    public var scenario: Scenario
    /// Where each step's choices are in ``choices``, one range per step drawn (nested steps inside their
    /// parent's range): the structure the shrinker deletes and lifts whole steps by.
    public var stepRanges: [Range<Int>] = []
    /// For each of ``stepRanges``, the index of the choice that counts the steps of the list it is in.
    public var stepListCounts: [Int] = []
}

/// Where generated steps will run, which decides what they may contain.
private enum StepContext {
    /// In a task: joins suspend.
    case async
    /// On a thread that may block: joins wait.
    case blockingAllowed
    /// On a Dispatch-concurrent or `OperationQueue` worker: no joins.
    case noBlocking
}

private struct Builder {
    let options: GeneratorOptions
    var source: ChoiceSource
    var spans = 0
    var hops = 0
    var barriers = 0
    var instanceCount = 1
    /// The choice range of every step drawn so far.
    var stepRanges: [Range<Int>] = []
    /// For every step drawn so far, where its list's count choice is.
    var stepListCounts: [Int] = []
    var hangs = false
    var executors: [(ExecutorKind, Int)]
    let strategies: [(PropagationStrategy, Int)]
    let faults: [(ProcessFault.Kind, Int)]

    init(options: GeneratorOptions, source: ChoiceSource) {
        self.options = options
        self.source = source
        executors = ExecutorKind.allCases.compactMap { kind in
            options.executorWeights[kind].flatMap { $0 > 0 ? (kind, $0) : nil }
        }
        strategies = PropagationStrategy.allCases.compactMap { strategy in
            options.strategyWeights[strategy].flatMap { $0 > 0 ? (strategy, $0) : nil }
        }
        faults = ProcessFault.Kind.allCases.compactMap { kind in
            options.processFaultWeights[kind].flatMap { $0 > 0 ? (kind, $0) : nil }
        }
    }

    /// The deadline of a scenario with a `hang` fault: the hang is the finding, so no need to wait long.
    static let hangDeadlineMillis = 3_000

    mutating func build() -> Scenario {
        // Process hops are slow: most scenarios may not have any (unless they are all there is).
        if executors.contains(where: { $0.0.runsInChildProcess })
            && executors.contains(where: { !$0.0.runsInChildProcess })
            && !source.chance(options.processScenarioPercent)
        {
            executors.removeAll { $0.0.runsInChildProcess }
        }
        let instances = makeInstances()
        instanceCount = instances.count
        var steps = makeSteps(depth: 0, context: .async, barrier: nil)
        if spans == 0 { steps.insert(.span(SpanStep(label: nextLabel())), at: 0) }
        return Scenario(
            instances: instances, steps: steps,
            deadlineMillis: hangs ? Self.hangDeadlineMillis : Scenario.defaultDeadlineMillis)
    }

    mutating func makeInstances() -> [TracerInstanceConfig] {
        let count =
            options.maxInstances > 1 && source.chance(30) ? source.int(in: 2...options.maxInstances) : 1
        return (0..<count).map { _ in
            // With both kinds allowed the draws are those of every earlier version: seeds keep their scenarios.
            let batching = options.batchProcessors && (!options.simpleProcessors || source.chance(35))
            guard batching else { return TracerInstanceConfig() }
            let small = options.smallQueues && source.chance(30)
            let queue = small ? source.int(in: 2...16) : 2048
            let batch = small ? source.int(in: 1...queue) : 512
            let policy: TracerInstanceConfig.DropPolicy = source.chance(50) ? .dropOldest : .dropNewest
            return TracerInstanceConfig(
                processor: .batch, maxQueueSize: queue, maxExportBatchSize: batch, dropPolicy: policy)
        }
    }

    mutating func nextLabel() -> String {
        spans += 1
        return "s\(spans)"
    }

    mutating func makeSteps(depth: Int, context: StepContext, barrier: BarrierStep?) -> [Step] {
        let countIndex = source.recorded.values.count
        let count = source.int(in: 1...options.maxStepsPerList)
        var steps: [Step] = []
        for _ in 0..<count {
            let start = source.recorded.values.count
            if let step = makeStep(depth: depth, context: context, barrier: barrier) { steps.append(step) }
            stepRanges.append(start..<source.recorded.values.count)
            stepListCounts.append(countIndex)
        }
        return steps
    }

    mutating func makeStep(depth: Int, context: StepContext, barrier: BarrierStep?) -> Step? {
        let canSpan = spans < options.maxSpans
        let canHop = depth < options.maxDepth && hops < options.maxHops && !executors.isEmpty
        let kind = source.weighted([
            canSpan ? 6 : 0, canHop ? 4 : 0, options.flushes ? 1 : 0, options.perturbations ? 1 : 0,
        ])
        switch kind {
        case 0:
            guard canSpan else { return nil }
            let label = nextLabel()
            let instance = instanceCount > 1 ? source.int(in: 0...(instanceCount - 1)) : 0
            let children =
                depth < options.maxDepth && source.chance(55)
                ? makeSteps(depth: depth + 1, context: context, barrier: barrier) : []
            return .span(SpanStep(label: label, instance: instance, children: children))
        case 1:
            guard canHop else { return nil }
            return makeHop(depth: depth, context: context)
        case 2:
            let step = FlushStep(instance: instanceCount > 1 ? source.int(in: 0...(instanceCount - 1)) : 0)
            return source.chance(8) ? .shutdown(step) : .flush(step)
        default:
            switch source.int(in: 0...2) {
            case 0: return .yield
            case 1: return .sleep(SleepStep(micros: source.int(in: 0...200)))
            default: return barrier.map(Step.barrier) ?? .yield
            }
        }
    }

    mutating func makeHop(depth: Int, context: StepContext) -> Step? {
        let allowed = executors.filter { kind, _ in
            context != .noBlocking || !kind.isStructured
        }
        guard !allowed.isEmpty else { return nil }
        hops += 1
        let executor = allowed[source.weighted(allowed.map(\.1))].0
        let strategy = strategies[source.weighted(strategies.map(\.1))].0
        let join: Bool
        if executor.isStructured {
            join = true
        } else if context == .noBlocking {
            join = false
        } else {
            join = !source.chance(25)
        }
        let width = executor.hasWidth ? source.int(in: 1...8) : 2
        let taskCount = source.int(in: 1...options.maxFanOut)
        var barrier: BarrierStep?
        // Tasks in different processes can never meet at a barrier: no barriers for process hops.
        if options.perturbations && taskCount > 1 && !executor.runsInChildProcess && source.chance(30) {
            barriers += 1
            barrier = BarrierStep(name: "b\(barriers)", parties: source.int(in: 2...taskCount))
        }
        // A child process runs its task's steps as its own top level: async, like the scenario's.
        let workerContext: StepContext =
            executor.runsAsync || executor.runsInChildProcess
            ? .async : executor.workerMayBlock ? .blockingAllowed : .noBlocking
        var tasks: [[Step]] = []
        for _ in 0..<taskCount {
            tasks.append(makeSteps(depth: depth + 1, context: workerContext, barrier: barrier))
        }
        let fault = executor.takesFaults ? makeFault(taskCount: taskCount) : nil
        return .hop(
            HopStep(
                executor: executor, width: width, strategy: strategy, join: join, tasks: tasks, fault: fault))
    }

    /// A fault for one task of a `process` hop, now and then.
    mutating func makeFault(taskCount: Int) -> ProcessFault? {
        guard !faults.isEmpty, source.chance(options.processFaultPercent) else { return nil }
        let kind = faults[source.weighted(faults.map(\.1))].0
        let task = source.int(in: 0...(taskCount - 1))
        let afterSpans = kind == .noFlush ? 0 : source.int(in: 0...3)
        let signals = ProcessFault.crashSignals
        let signal = kind == .crash ? signals[source.int(in: 0...(signals.count - 1))] : nil
        if kind == .hang { hangs = true }
        return ProcessFault(kind: kind, task: task, afterSpans: afterSpans, signal: signal)
    }
}
