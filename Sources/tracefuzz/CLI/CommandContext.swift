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

    /// Standard output and error, TraceCore, and the system's random numbers.
    static let standard = CommandContext(
        console: .standard, factory: TraceCoreAdapterFactory(),
        randomSeed: {
            var generator = SystemRandomNumberGenerator()
            return Seed.random(using: &generator)
        })
}
