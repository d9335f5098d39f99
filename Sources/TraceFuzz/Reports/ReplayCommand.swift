/// The one line that replays a generated scenario: `tracefuzz replay --seed 0x… [generator flags]`.
///
/// Only generator options that differ from the tool's defaults (``ReplayTool/defaults``) become flags, in a fixed order, so the
/// line is as short as it can be and the same options always give the same line. Weights are written
/// as the command line reads them: a bare name for an entry at its default weight, `name=weight`
/// otherwise, in declaration order.
///
/// ```swift
/// var options = GeneratorOptions()
/// options.maxHops = 2
/// options.executorWeights = [.pool: 3, .task: 5]
/// ReplayCommand.line(seed: 42, options: options)
/// // tracefuzz replay --seed 0x2a --max-hops 2 --executors pool,task=5
/// ```
///
/// `replay --seed` regenerates the scenario the seed made before any shrinking; a shrunk scenario is
/// replayed from its scenario file (`tracefuzz replay FILE`).
///
/// The program is ``tool``: `tracefuzz` unless a command-line binary of its own binds another for the
/// task that prints the line (`tracefuzz-tracing replay --tracer swift-otel --seed 0x2a`).
public enum ReplayCommand {
    /// The binary and tracer replay lines name, for the current task and its children.
    @TaskLocal public static var tool = ReplayTool()

    /// `tracefuzz replay --seed 0x2a` followed by ``flags(for:)``.
    public static func line(seed: UInt64, options: GeneratorOptions = GeneratorOptions()) -> String {
        (tool.words("replay") + ["--seed", SeedText.hex(seed)] + flags(for: options)).joined(separator: " ")
    }

    /// `tracefuzz replay FILE`: the line that replays a scenario file.
    public static func line(file path: String) -> String {
        (tool.words("replay") + [path]).joined(separator: " ")
    }

    /// The replay line for a finding's seed, or `nil` when the finding was not generated from a seed.
    public static func line(for finding: Finding, options: GeneratorOptions = GeneratorOptions()) -> String? {
        finding.seed.map { line(seed: $0, options: options) }
    }

    /// The generator flags that turn `GeneratorOptions()` into `options`, one array element per word:
    /// `--max-depth`, `--max-fan-out`, `--max-spans`, `--max-hops`, `--max-steps`, `--max-instances`,
    /// `--executors`, `--strategies`, `--no-perturbations`, `--no-flushes`, `--no-batch`, in that order.
    public static func flags(for options: GeneratorOptions) -> [String] {
        let defaults = tool.defaults
        var result: [String] = []
        let integers: [(String, KeyPath<GeneratorOptions, Int>)] = [
            ("max-depth", \.maxDepth), ("max-fan-out", \.maxFanOut), ("max-spans", \.maxSpans),
            ("max-hops", \.maxHops), ("max-steps", \.maxStepsPerList), ("max-instances", \.maxInstances),
            ("process-scenario-percent", \.processScenarioPercent),
            ("process-fault-percent", \.processFaultPercent),
        ]
        for (name, path) in integers where options[keyPath: path] != defaults[keyPath: path] {
            result += ["--\(name)", String(options[keyPath: path])]
        }
        if options.executorWeights != defaults.executorWeights {
            let list = weights(
                options.executorWeights, order: ExecutorKind.allCases, defaults: defaults.executorWeights)
            result += ["--executors", list]
        }
        if options.strategyWeights != defaults.strategyWeights {
            let list = weights(
                options.strategyWeights, order: PropagationStrategy.allCases,
                defaults: defaults.strategyWeights)
            result += ["--strategies", list]
        }
        if options.processFaultWeights != defaults.processFaultWeights {
            let list = weights(
                options.processFaultWeights, order: ProcessFault.Kind.allCases,
                defaults: defaults.processFaultWeights)
            result += ["--process-faults", list]
        }
        if !options.perturbations { result.append("--no-perturbations") }
        if !options.flushes { result.append("--no-flushes") }
        if !options.batchProcessors { result.append("--no-batch") }
        return result
    }

    /// `a,b=3`: every key with a positive weight, in `order`; a bare name where the weight is the default
    /// (or 1 for a key with no default).
    static func weights<Key: RawRepresentable & Hashable>(
        _ weights: [Key: Int], order: [Key], defaults: [Key: Int]
    ) -> String where Key.RawValue == String {
        order.compactMap { key -> String? in
            guard let weight = weights[key], weight > 0 else { return nil }
            return weight == (defaults[key] ?? 1) ? key.rawValue : "\(key.rawValue)=\(weight)"
        }.joined(separator: ",")
    }
}
