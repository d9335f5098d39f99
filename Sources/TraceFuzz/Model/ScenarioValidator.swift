/// Checks the rules JSON decoding cannot: ranges, unique labels, instance indexes, and where joins
/// are allowed.
public enum ScenarioValidator {
    /// The deepest nesting of steps a scenario may have.
    public static let maxDepth = 32
    /// The most tasks one hop may have.
    public static let maxTasksPerHop = 64
    /// The largest `afterSpans` a process fault may name.
    public static let maxFaultAfterSpans = 512

    /// Throws the first rule a scenario breaks, naming its JSON path.
    public static func validate(_ scenario: Scenario) throws(ScenarioError) {
        if scenario.format != Scenario.currentFormat {
            let message =
                scenario.format > Scenario.currentFormat
                ? "format \(scenario.format) is newer than this build reads (\(Scenario.currentFormat))"
                : "format \(scenario.format) is not a known format (expected \(Scenario.currentFormat))"
            throw ScenarioError(path: "$.format", message: message)
        }
        try check(!scenario.instances.isEmpty, "$.instances", "at least one tracer instance is required")
        try check(scenario.instances.count <= 8, "$.instances", "at most 8 tracer instances")
        for (index, instance) in scenario.instances.enumerated() {
            let path = "$.instances[\(index)]"
            try range(instance.maxQueueSize, 1...65_536, "\(path).maxQueueSize")
            try range(instance.maxExportBatchSize, 1...instance.maxQueueSize, "\(path).maxExportBatchSize")
        }
        try range(scenario.deadlineMillis, 1...600_000, "$.deadlineMillis")
        var walker = Walker(instanceCount: scenario.instances.count)
        try walker.walk(scenario.steps, path: "$.steps", depth: 0, mayBlock: true)
    }

    private struct Walker {
        let instanceCount: Int
        var labels: [String: String] = [:]

        mutating func walk(_ steps: [Step], path: String, depth: Int, mayBlock: Bool) throws(ScenarioError) {
            try check(depth <= ScenarioValidator.maxDepth, path, "nested deeper than \(ScenarioValidator.maxDepth)")
            for (index, step) in steps.enumerated() {
                let stepPath = "\(path)[\(index)].\(step.kindName)"
                switch step {
                case .span(let span):
                    try check(!span.label.isEmpty, "\(stepPath).label", "a span needs a non-empty label")
                    if let first = labels[span.label] {
                        throw ScenarioError(
                            path: "\(stepPath).label", message: "duplicate label '\(span.label)' (first at \(first))")
                    }
                    labels[span.label] = "\(stepPath).label"
                    try range(span.instance, 0...(instanceCount - 1), "\(stepPath).instance")
                    try walk(span.children, path: "\(stepPath).children", depth: depth + 1, mayBlock: mayBlock)
                case .hop(let hop):
                    try validateHop(hop, path: stepPath, depth: depth, mayBlock: mayBlock)
                case .flush(let flush), .shutdown(let flush):
                    try range(flush.instance, 0...(instanceCount - 1), "\(stepPath).instance")
                case .yield:
                    break
                case .sleep(let sleep):
                    try range(sleep.micros, 0...100_000, "\(stepPath).micros")
                case .barrier(let barrier):
                    try check(!barrier.name.isEmpty, "\(stepPath).name", "a barrier needs a non-empty name")
                    try range(barrier.parties, 2...16, "\(stepPath).parties")
                }
            }
        }

        mutating func validateHop(_ hop: HopStep, path: String, depth: Int, mayBlock: Bool) throws(ScenarioError) {
            if hop.executor.hasWidth { try range(hop.width, 1...8, "\(path).width") }
            try check(!hop.tasks.isEmpty, "\(path).tasks", "a hop needs at least one task")
            try check(
                hop.tasks.count <= ScenarioValidator.maxTasksPerHop, "\(path).tasks",
                "at most \(ScenarioValidator.maxTasksPerHop) tasks")
            if let fault = hop.fault { try validateFault(fault, hop: hop, path: "\(path).fault") }
            if hop.executor.isStructured {
                try check(hop.join, "\(path).join", "'\(hop.executor.rawValue)' hops are structured and always joined")
            }
            try check(
                !hop.join || mayBlock, "\(path).join",
                "a joined hop cannot run directly inside a dispatchConcurrent or operationQueue task "
                    + "(blocking their workers starves the shared pool); use \"join\": false")
            let workerMayBlock = hop.executor.runsAsync || hop.executor.workerMayBlock
            for (index, task) in hop.tasks.enumerated() {
                try walk(task, path: "\(path).tasks[\(index)]", depth: depth + 1, mayBlock: workerMayBlock)
            }
        }
    }

    private static func validateFault(
        _ fault: ProcessFault, hop: HopStep, path: String
    ) throws(ScenarioError) {
        try check(
            hop.executor.takesFaults, path,
            "faults are committed by child processes: only 'process' and 'forkProcess' hops may name one")
        try range(fault.task, 0...(hop.tasks.count - 1), "\(path).task")
        try range(fault.afterSpans, 0...ScenarioValidator.maxFaultAfterSpans, "\(path).afterSpans")
        if let signal = fault.signal {
            try check(fault.kind == .crash, "\(path).signal", "only a 'crash' fault names a signal")
            let allowed = ProcessFault.crashSignals.map(String.init).joined(separator: ", ")
            try check(
                ProcessFault.crashSignals.contains(signal), "\(path).signal",
                "\(signal) is not one of the crash signals (\(allowed))")
        }
    }

    private static func check(_ condition: Bool, _ path: String, _ message: String) throws(ScenarioError) {
        if !condition { throw ScenarioError(path: path, message: message) }
    }

    private static func range(_ value: Int, _ bounds: ClosedRange<Int>, _ path: String) throws(ScenarioError) {
        if !bounds.contains(value) {
            throw ScenarioError(path: path, message: "\(value) is out of range \(bounds.lowerBound)...\(bounds.upperBound)")
        }
    }
}
