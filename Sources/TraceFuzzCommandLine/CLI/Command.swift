/// One `tracefuzz` subcommand: a type that parses its own arguments and runs.
///
/// ```swift
/// struct HelloCommand: Command {
///     static let help = CommandHelp(name: "hello", summary: "Says hello.", usage: ["hello"], details: "")
///     init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
///         while case .flag(let name)? = try scanner.next() { throw scanner.unknown(name) }
///     }
///     func run(_ context: CommandContext) async -> ExitStatus {
///         context.console.out("hello")
///         return .clean
///     }
/// }
/// ```
protocol Command: Sendable {
    /// The name, summary and help text.
    static var help: CommandHelp { get }

    /// Parses the arguments after the command name; throws a message naming the offending flag.
    init(parsing scanner: inout ArgumentScanner) throws(UsageError)

    /// Runs the command and returns the process exit status.
    func run(_ context: CommandContext) async -> ExitStatus
}
