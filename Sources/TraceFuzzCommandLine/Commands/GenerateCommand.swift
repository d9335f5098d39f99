import TraceFuzz

/// `tracefuzz generate`: prints the canonical JSON of the scenario a seed generates; the same seed and
/// flags print the same bytes every time.
struct GenerateCommand: Command {
    static let help = CommandHelp(
        name: "generate",
        summary: "Print the scenario JSON a seed generates (the same bytes every time).",
        usage: ["generate [--seed S] [generator flags]"],
        details: """
            flags:
              --seed S              decimal or 0x hex (default: random, printed on stderr)

            generator flags:
            \(GeneratorFlags.help)
            """)

    /// The seed, or `nil` for a random one.
    var seed: Seed?
    /// The generator flags.
    var flags = GeneratorFlags()

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        while let argument = try scanner.next() {
            switch argument {
            case .positional(let value): throw UsageError("unexpected argument '\(value)'")
            case .flag(let name):
                if try flags.parse(name, from: &scanner) { continue }
                guard name == "seed" else { throw scanner.unknown(name) }
                seed = try RunCommand.seed(&scanner)
            }
        }
        try flags.validate()
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        let seed = self.seed ?? context.randomSeed()
        if self.seed == nil { context.console.error("seed \(seed.hex) (random)") }
        // The scenario the fuzzer would run from this seed: fitted to what the selected tracer can do.
        let options = flags.options.fitted(to: context.factory.capabilities)
        let generated = ScenarioGenerator(options: options).generate(seed: seed.value)
        context.console.writeOutput(
            String(decoding: ScenarioLoader.encode(generated.scenario), as: UTF8.self))
        return .clean
    }
}
