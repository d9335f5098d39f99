import TraceFuzz

/// The generator flags shared by `run`, `replay --seed` and `generate`, and their canonical rendering
/// for the one-line reproduce command.
///
/// The same flags give the same ``GeneratorOptions``, so `replay --seed S` with a run's flags
/// regenerates the run's scenario `S` byte for byte.
///
/// ```swift
/// var flags = GeneratorFlags()
/// var scanner = ArgumentScanner(["--max-depth", "3", "--executors", "pool,task"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// flags.commandLine   // ["--max-depth", "3", "--executors", "pool,task"]
/// ```
struct GeneratorFlags: Hashable, Sendable {
    /// The options the flags describe.
    var options = TraceFuzz.ReplayCommand.tool.defaults

    /// The flags and what they set, for help texts.
    static let help = """
          --max-depth D         deepest nesting of spans and hops, 1-16 (default 4)
          --max-fan-out N       most tasks per hop, 1-16 (default 4)
          --max-spans N         most spans per scenario, 1-512 (default 24)
          --max-hops N          most hops per scenario, 0-64 (default 6)
          --max-steps N         most steps in one list, 1-8 (default 3)
          --max-instances N     most tracer instances, 1-8 (default 3)
          --executors LIST      executors to use, comma-separated, each NAME or NAME=WEIGHT
                                (default: all). Names: pool, tracedPool, dispatchConcurrent,
                                dispatchSerial, operationQueue, thread, task, detachedTask, taskGroup,
                                asyncLet, process
          --strategies LIST     strategies to use, the same way (default: all).
                                Names: fresh, shared, none, carrier
          --process-scenario-percent P
                                share of scenarios that may contain process hops, 0-100 (default 3;
                                ignored when process is the only executor)
          --process-fault-percent P
                                how often a process hop names a fault for a child, 0-100 (default 10)
          --process-faults LIST faults a process hop may name, NAME or NAME=WEIGHT, comma-separated
                                (default: noFlush,crash). Names: noFlush, crash, hang, garbage
                                (hang and garbage are always findings: they test the harness)
          --no-perturbations    no yield, sleep or barrier steps
          --no-flushes          no flush steps in the middle of a scenario
          --no-batch            only simple span processors
        """

    /// Executor names the flags accept (every executor this build can run).
    static var executorNames: [String] {
        let tool = TraceFuzz.ReplayCommand.tool
        if tool.driver.isEmpty {
            return ExecutorKind.allCases.filter { !ExecutorKind.driverOnly.contains($0) }.map(\.rawValue)
        }
        return ExecutorKind.allCases.filter(GeneratorOptions.pythonExecutors.contains).map(\.rawValue)
    }
    /// Strategy names the flags accept.
    static let strategyNames = PropagationStrategy.allCases.map(\.rawValue)
    /// Process fault names the flags accept.
    static let faultNames = ProcessFault.Kind.allCases.map(\.rawValue)

    /// Default options.
    init() {}

    /// Reads flag `name` if it is a generator flag: `true` if it was one, `false` to let the caller
    /// handle it.
    mutating func parse(_ name: String, from scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch name {
        case "max-depth": options.maxDepth = try Self.integer(name, &scanner)
        case "max-fan-out": options.maxFanOut = try Self.integer(name, &scanner)
        case "max-spans": options.maxSpans = try Self.integer(name, &scanner)
        case "max-hops": options.maxHops = try Self.integer(name, &scanner)
        case "max-steps": options.maxStepsPerList = try Self.integer(name, &scanner)
        case "max-instances": options.maxInstances = try Self.integer(name, &scanner)
        case "executors":
            options.executorWeights = try Self.weights(
                name, try scanner.value(for: name), defaults: TraceFuzz.ReplayCommand.tool.defaults.executorWeights,
                valid: Self.executorNames)
        case "strategies":
            options.strategyWeights = try Self.weights(
                name, try scanner.value(for: name), defaults: GeneratorOptions().strategyWeights,
                valid: Self.strategyNames)
        case "process-scenario-percent": options.processScenarioPercent = try Self.integer(name, &scanner)
        case "process-fault-percent": options.processFaultPercent = try Self.integer(name, &scanner)
        case "process-faults":
            options.processFaultWeights = try Self.weights(
                name, try scanner.value(for: name), defaults: GeneratorOptions.defaultProcessFaultWeights,
                valid: Self.faultNames)
        case "no-perturbations": options.perturbations = false
        case "no-flushes": options.flushes = false
        case "no-batch": options.batchProcessors = false
        default: return false
        }
        return true
    }

    /// Checks every option's range, naming the first flag out of range.
    func validate() throws(UsageError) {
        do {
            try options.validate()
        } catch {
            throw UsageError.option(error.option, error.message)
        }
    }

    /// Whether every flag is at its default.
    var isDefault: Bool { options == TraceFuzz.ReplayCommand.tool.defaults }

    /// The flags that differ from the defaults, in a fixed order: appended to a `replay --seed`
    /// command, they regenerate the same scenarios (the engine's own rendering, so the reproduce lines
    /// of the tool and of reports agree).
    var commandLine: [String] { TraceFuzz.ReplayCommand.flags(for: options) }

    private static func integer(_ name: String, _ scanner: inout ArgumentScanner) throws(UsageError) -> Int {
        try scanner.value(for: name, expected: "an integer") { Int($0) }
    }

    /// Parses `a,b=3,c` into weights: a bare name takes its default weight (or 1 if it has none).
    static func weights<Key: RawRepresentable & Hashable>(
        _ flag: String, _ text: String, defaults: [Key: Int], valid: [String]
    ) throws(UsageError) -> [Key: Int] where Key.RawValue == String {
        var weights: [Key: Int] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard valid.contains(name), let key = Key(rawValue: name) else {
                let shown = name.isEmpty ? "an empty name" : "unknown name '\(name)'"
                throw UsageError.option(flag, "\(shown); valid names: \(valid.joined(separator: ", "))")
            }
            if weights[key] != nil { throw UsageError.option(flag, "'\(name)' is listed twice") }
            var weight = defaults[key] ?? 1
            if parts.count == 2 {
                guard let parsed = Int(parts[1]), (1...GeneratorOptions.maximumWeight).contains(parsed) else {
                    throw UsageError.option(
                        flag,
                        "the weight of '\(name)' must be an integer from 1 to \(GeneratorOptions.maximumWeight), "
                            + "got '\(parts[1])'")
                }
                weight = parsed
            }
            weights[key] = weight
        }
        return weights
    }
}
