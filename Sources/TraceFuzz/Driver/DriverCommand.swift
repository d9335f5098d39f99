/// How to start a language driver: the program, its arguments and its environment.
///
/// ```swift
/// let command = DriverCommand(
///     name: "python", executable: ".venv-python/bin/python", arguments: ["-m", "tracefuzz_driver"],
///     environment: ["PYTHONPATH=Integrations/python"])
/// ```
public struct DriverCommand: Sendable, Hashable {
    /// The driver's short name, as `--driver` takes it (`python`).
    public var name: String
    /// The program's path.
    public var executable: String
    /// The arguments after the program name.
    public var arguments: [String]
    /// The driver's whole environment, as `NAME=value`.
    public var environment: [String]

    /// Creates a command.
    public init(name: String, executable: String, arguments: [String], environment: [String]) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}

/// Why a driver could not be started or spoken to.
public struct DriverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a sentence.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
