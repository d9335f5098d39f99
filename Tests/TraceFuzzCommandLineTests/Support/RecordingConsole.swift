import Synchronization

@testable import TraceFuzzCommandLine

/// A console that keeps what commands write, for assertions.
final class RecordingConsole: Sendable {
    private let text = Mutex((output: "", error: ""))

    /// The console to hand to a command.
    var console: Console {
        Console(
            writeOutput: { [self] chunk in text.withLock { $0.output += chunk } },
            writeError: { [self] chunk in text.withLock { $0.error += chunk } })
    }

    /// Everything written to standard output.
    var output: String { text.withLock { $0.output } }

    /// Everything written to standard error.
    var error: String { text.withLock { $0.error } }
}
