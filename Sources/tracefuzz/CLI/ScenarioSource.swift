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
