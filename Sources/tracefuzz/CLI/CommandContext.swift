import TraceFuzz

/// What a command runs with: where it writes, the tracer it fuzzes, and where random seeds come from.
///
/// ``standard`` is the real thing; tests swap in a recording console, a tracer with a planted bug, or
/// a fixed source of random seeds.
struct CommandContext: Sendable {
    /// Where output goes.
    var console: Console
    /// Makes the tracer adapter under test for each run.
    var factory: any TracerAdapterFactory
    /// Draws a seed when none is given on the command line.
    var randomSeed: @Sendable () -> Seed
    /// The failure database `run`, `stress` and `corpus list`/`prune` use when no flag names one: the
    /// working database `.tracefuzz/findings` (under the working directory) for the real tool; none
    /// unless set, so a test running a command in process never saves anywhere by accident.
    var defaultDatabase: String? = nil

    /// Standard output and error, TraceCore, the system's random numbers, and `.tracefuzz/findings`.
    static let standard = CommandContext(
        console: .standard, factory: TraceCoreAdapterFactory(),
        randomSeed: {
            var generator = SystemRandomNumberGenerator()
            return Seed.random(using: &generator)
        }, defaultDatabase: DatabaseFlags.workingDirectory)
}
