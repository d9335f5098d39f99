import TraceFuzz

/// Where `replay` and `shrink` take their scenario from: a scenario FILE, or `--seed S` with the generator
/// flags.
enum ScenarioSource: Hashable, Sendable {
    /// Regenerated from a seed.
    case generated(Seed)
    /// Read from a file, run with a seed for jitter and IDs (`nil`: the file's own, else 0).
    case file(String, Seed?)

    /// The source the arguments name: the file if there is one (`seed` then seeds its run), else the
    /// generated scenario `seed`; a usage error when there is neither.
    init(file: String?, seed: Seed?) throws(UsageError) {
        if let file {
            self = .file(file, seed)
        } else if let seed {
            self = .generated(seed)
        } else {
            throw UsageError("expects --seed S or a scenario FILE")
        }
    }
}

extension ScenarioSource {
    /// The scenario and the seed it runs under: regenerated from the seed with `options`, or read from
    /// the file (run under the given seed, else the file's, else 0).
    func load(options: GeneratorOptions) throws(UsageError) -> (scenario: Scenario, seed: Seed) {
        switch self {
        case .generated(let seed):
            return (ScenarioGenerator(options: options).generate(seed: seed.value).scenario, seed)
        case .file(let path, let runSeed):
            let file = try Self.read(path)
            return (file.scenario, runSeed ?? file.seed ?? Seed(0))
        }
    }

    /// The finding or scenario file at `path`; a bad file is a usage error naming it and the JSON path.
    static func read(_ path: String) throws(UsageError) -> FindingFile {
        do {
            return try FindingFile(path: path)
        } catch {
            throw UsageError(CheckCommand.describe(error, file: path))
        }
    }
}

extension ScenarioSource {
    /// What `replay` and `shrink` collect while scanning: one positional FILE and `--seed S`.
    struct Arguments: Hashable, Sendable {
        /// The command's name, for the error about a second file.
        let command: String
        /// `--seed`, if given.
        var seed: Seed?
        /// The positional file, if given.
        var file: String?

        /// Takes `argument` if it is the FILE or `--seed`: `true` if it did. A second file is bad usage.
        mutating func take(
            _ argument: ArgumentScanner.Argument, from scanner: inout ArgumentScanner
        ) throws(UsageError) -> Bool {
            switch argument {
            case .positional(let value):
                guard file == nil else {
                    throw UsageError("unexpected argument '\(value)': \(command) reads one file")
                }
                file = value
            case .flag("seed"): seed = try RunCommand.seed(&scanner)
            case .flag: return false
            }
            return true
        }

        /// The source they name (see ``ScenarioSource/init(file:seed:)``).
        func source() throws(UsageError) -> ScenarioSource { try ScenarioSource(file: file, seed: seed) }
    }
}
