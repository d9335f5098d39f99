import TraceFuzz

/// What `tracefuzz shrink` starts from: the scenario, the seed it runs under, its choice sequence when it
/// can be shrunk, the generator flags the choices belong to, and the line that replays it unshrunk.
struct ShrinkStart: Sendable {
    /// The scenario to shrink.
    var scenario: Scenario
    /// The run seed (and, for a generated scenario, the generation seed).
    var seed: Seed
    /// The choices that regenerate ``scenario`` under ``flags``; `nil` if it cannot be shrunk.
    var choices: ChoiceSequence?
    /// The generator flags the choices are replayed under.
    var flags: GeneratorFlags
    /// Why the scenario cannot be shrunk, if it cannot.
    var unshrinkable: String?
    /// `tracefuzz replay --seed S [flags]` or `tracefuzz replay FILE`.
    var plainReplay: String

    /// Prepares `source`: regenerates a seed's scenario, or reads a file and checks that its recorded
    /// choices regenerate its scenario under the given generator flags (or, when none are given, the
    /// ones it records). Throws a message naming the file and JSON path for a bad file.
    init(_ source: ScenarioSource, flags: GeneratorFlags) throws(UsageError) {
        switch source {
        case .generated(let seed):
            let generated = ScenarioGenerator(options: flags.options).generate(seed: seed.value)
            scenario = generated.scenario
            self.seed = seed
            choices = generated.choices
            self.flags = flags
            plainReplay = ReportedFinding.reproduceCommand(seed: seed, flags: flags)
        case .file(let path, let runSeed):
            let file = try ScenarioSource.read(path)
            scenario = file.scenario
            seed = runSeed ?? file.seed ?? Seed(0)
            self.flags = flags.isDefault ? (file.recordedFlags ?? flags) : flags
            plainReplay = ReportedFinding.replayFileCommand(path)
            if let runSeed, runSeed != file.seed { plainReplay += " --seed \(runSeed.hex)" }
            guard let recorded = file.choices, let fileSeed = file.seed else {
                unshrinkable =
                    "\(path) records no choice sequence, and only generated findings can be shrunk on their "
                    + "choice sequence"
                return
            }
            let regenerated = ScenarioGenerator(options: self.flags.options).generate(
                replaying: recorded, seed: fileSeed.value)
            guard regenerated.scenario == file.scenario else {
                let shown =
                    self.flags.isDefault
                    ? "the default generator flags" : self.flags.commandLine.joined(separator: " ")
                unshrinkable =
                    "its choices do not regenerate its scenario under \(shown); give the generator flags "
                    + "of the run that found it"
                return
            }
            choices = regenerated.choices
        }
    }
}
