import Foundation
import TraceFuzz

@testable import TraceFuzzCommandLine

/// What one in-process command line produced.
struct Invocation: Sendable {
    var status: ExitStatus
    var output: String
    var error: String

    /// Runs `tracefuzz ARGUMENTS` in process against `factory`, with random seeds drawn from `randomSeed`.
    /// `tool` is the binary the command line belongs to (the built-in one unless given).
    static func run(
        _ arguments: [String], factory: any TracerAdapterFactory = TraceCoreAdapterFactory(),
        randomSeed: UInt64 = 0x5eed, tool: TraceFuzzCommandLine = .builtIn
    ) async -> Invocation {
        let recorder = RecordingConsole()
        let context = CommandContext(
            console: recorder.console, factory: factory, randomSeed: { Seed(randomSeed) }, tool: tool)
        let status = await TraceFuzzTool.main(arguments, context: context)
        return Invocation(status: status, output: recorder.output, error: recorder.error)
    }
}

/// A fresh empty directory inside ``TestScratch/root``, which goes away when the test process exits.
func makeTemporaryDirectory() throws -> URL {
    let url = TestScratch.root.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The value of one line of a run's statistics (`  findings   1`), or `nil` if there is no such line.
func statistic(_ name: String, in output: String) -> String? {
    let line = output.split(separator: "\n").first { $0.hasPrefix("  \(name) ") }
    return line?.split(separator: " ").dropFirst().first.map(String.init)
}
