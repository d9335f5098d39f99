import Foundation
import TraceFuzz

/// `tracefuzz replay`: runs one scenario, regenerated from a seed or read from a file, up to N times,
/// stopping at the first failure (races do not fail every run).
struct ReplayCommand: Command {
    /// How many runs a replay tries by default.
    static let defaultAttempts = 20

    static let help = CommandHelp(
        name: "replay",
        summary: "Run one scenario (from a seed or a file) up to N times; stop at the first failure.",
        usage: ["replay --seed S [generator flags] [--attempts N]", "replay FILE [--seed S] [--attempts N]"],
        details: """
            With --seed, the scenario is regenerated from the seed and generator flags, exactly as
            'tracefuzz run' made it (give the run's generator flags). With FILE, the scenario is read from a
            scenario file such as the ones 'run' writes to tracefuzz-findings/, or a failure-database entry;
            --seed then only sets the run's jitter and span IDs (default: the seed the file records, as a
            shrunk finding or a database entry does, else 0).

            flags:
              --seed S              decimal or 0x hex
              --attempts N          run at most N times (default \(defaultAttempts))

            generator flags (with --seed only):
            \(GeneratorFlags.help)

            Exit status: 0 passed every attempt, 1 failed, 2 bad usage, a bad file or an unsupported scenario.
            """)

    /// Where the scenario comes from.
    var source: ScenarioSource
    /// The generator flags (for a generated scenario).
    var flags = GeneratorFlags()
    /// The most runs.
    var attempts = ReplayCommand.defaultAttempts

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        var arguments = ScenarioSource.Arguments(command: "replay")
        while let argument = try scanner.next() {
            if try arguments.take(argument, from: &scanner) { continue }
            // A positional argument is the FILE: taken above.
            guard case .flag(let name) = argument else { continue }
            if try flags.parse(name, from: &scanner) { continue }
            switch name {
            case "attempts": attempts = try RunCommand.positiveInteger(name, &scanner)
            default: throw scanner.unknown(name)
            }
        }
        if arguments.file != nil, let first = flags.commandLine.first {
            throw UsageError("\(first): generator flags apply only with --seed; a file holds its scenario")
        }
        try flags.validate()
        source = try arguments.source()
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        await run(context, factory: context.factory)
    }

    private func run<Factory: TracerAdapterFactory>(_ context: CommandContext, factory: Factory) async
        -> ExitStatus
    {
        let console = context.console
        let scenario: Scenario
        let seed: Seed
        do {
            (scenario, seed) = try source.load(options: flags.options)
        } catch {
            console.error(error.message)
            return .badInput
        }
        let fuzzer = Fuzzer(factory: factory, options: flags.options, runtime: context.runtime)
        let (outcome, attempt) = await fuzzer.replay(scenario, seed: seed.value, attempts: attempts)
        switch outcome {
        case .passed:
            console.out("passed \(attempts) attempt\(attempts == 1 ? "" : "s")")
            return .clean
        case .unsupported(let record):
            let reason = record.unsupported ?? "unsupported"
            console.error("tracefuzz replay: cannot run this scenario on \(factory.name): \(reason)")
            return .badInput
        case .failed(let result, let record):
            let count = result.violations.count
            console.out(
                "failed on attempt \(attempt) of \(attempts) (\(count) violation\(count == 1 ? "" : "s"))")
            for violation in result.violations { console.out(violation.description) }
            console.out()
            console.out(
                SpanTreeReport(scenario: scenario, record: record, violations: result.violations).text)
            return .finding
        }
    }
}
