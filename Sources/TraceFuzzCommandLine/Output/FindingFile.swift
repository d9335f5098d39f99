import Foundation
import TraceFuzz

/// A scenario file as `replay`, `shrink` and `corpus` read it: a plain scenario, or a finding that wraps
/// one (a stored finding of the failure database, a shrunk finding `run` wrote, a `--report` entry),
/// with whatever the finding records about where the scenario came from.
///
/// ```swift
/// let file = try FindingFile(path: "tracefuzz-findings/right-parent-0x8-shrunk.json")
/// file.seed      // 0x8: the run seed the finding failed under
/// file.choices   // the choice sequence, when it was generated
/// ```
struct FindingFile: Sendable {
    /// The scenario, validated.
    var scenario: Scenario
    /// The seed the finding was generated from (and failed under), if the file records one.
    var seed: Seed?
    /// The choice sequence that generates the scenario, if the file records one.
    var choices: ChoiceSequence?
    /// The generator flags the choices were drawn under, if the file records them.
    var generatorFlags: [String]?
    /// The tracer the finding was made against, if the file records it.
    var tracer: String?

    /// The fields a finding may carry next to its scenario; every one optional.
    private struct Header: Decodable {
        var seed: String?
        var choices: [UInt64]?
        var generatorFlags: [String]?
        var tracer: String?
        /// A finding JSON's replay line, `tracefuzz replay --seed S [flags]`, when it has no flags field.
        var replay: String?
    }

    /// Reads and validates the file at `path`; throws the loader's error naming the JSON path.
    init(path: String) throws(ScenarioError) {
        let url = URL(fileURLWithPath: path)
        scenario = try ScenarioLoader.load(contentsOf: url)
        guard let data = try? Data(contentsOf: url),
            let header = try? JSONDecoder().decode(Header.self, from: data)
        else { return }
        seed = header.seed.flatMap(Seed.init(parsing:))
        choices = header.choices.map(ChoiceSequence.init)
        tracer = header.tracer
        generatorFlags = header.generatorFlags ?? header.replay.flatMap(Self.flags(inReplayLine:))
    }

    /// The generator flags of a `tracefuzz replay --seed S [flags]` line.
    static func flags(inReplayLine line: String) -> [String]? {
        let words = line.split(separator: " ").map(String.init)
        guard words.count >= 4, words[1] == "replay", words[2] == "--seed" else { return nil }
        return Array(words.dropFirst(4))
    }

    /// The generator flags recorded in the file, parsed; `nil` if absent or not understood.
    var recordedFlags: GeneratorFlags? {
        guard let generatorFlags else { return nil }
        var flags = GeneratorFlags()
        var scanner = ArgumentScanner(generatorFlags)
        do {
            while let argument = try scanner.next() {
                guard case .flag(let name) = argument, try flags.parse(name, from: &scanner) else {
                    return nil
                }
            }
            try flags.validate()
        } catch {
            return nil
        }
        return flags
    }
}
