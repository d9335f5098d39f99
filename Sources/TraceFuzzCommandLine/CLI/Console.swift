import Foundation

/// Where a command writes: standard output for results, standard error for progress and messages.
///
/// Commands never call `print`; tests pass a console that records what was written.
///
/// ```swift
/// context.console.out("passed 20 attempts")
/// context.console.error("tracefuzz: --seed: expects a value")
/// ```
struct Console: Sendable {
    /// Writes text to standard output as is.
    var writeOutput: @Sendable (String) -> Void
    /// Writes text to standard error as is.
    var writeError: @Sendable (String) -> Void

    /// Writes one line to standard output.
    func out(_ line: String = "") { writeOutput(line + "\n") }

    /// Writes one line to standard error.
    func error(_ line: String) { writeError(line + "\n") }

    /// The process's standard output and standard error, unbuffered.
    static let standard = Console(
        writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) })
}
