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
