/// The `tracefuzz` command line: picks the command named by the first argument, handles `--help`,
/// turns usage errors into exit status 2, and runs the command.
///
/// ```swift
/// let status = await TraceFuzzTool.main(["generate", "--seed", "42"], context: .standard)
/// ```
enum TraceFuzzTool {
    /// Every command, in the order `tracefuzz --help` lists them.
    static let commands: [any Command.Type] = [
        RunCommand.self, ReplayCommand.self, GenerateCommand.self, CheckCommand.self, BenchCommand.self,
        MutantsCommand.self, ShrinkCommand.self, CorpusCommand.self, StressCommand.self, WorkerCommand.self,
    ]

    /// The overview `tracefuzz --help` prints.
    static var overview: String {
        let width = commands.map { $0.help.name.count }.max() ?? 0
        var lines = [
            "tracefuzz: fuzz trace-context propagation across threads, queues, tasks and child processes.",
            "",
            "usage: tracefuzz COMMAND [FLAGS]",
            "",
            "commands:",
        ]
        for command in commands {
            let name = command.help.name
            lines.append(
                "  \(name)\(String(repeating: " ", count: width - name.count))   \(command.help.summary)")
        }
        lines += [
            "",
            "'tracefuzz COMMAND --help' describes a command's flags.",
            "Exit status: 0 clean, 1 a finding, 2 bad usage or bad input.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit status.
    static func main(_ arguments: [String], context: CommandContext) async -> ExitStatus {
        let console = context.console
        guard let first = arguments.first else {
            console.error(overview)
            return .badInput
        }
        if first == "-h" || first == "--help" || first == "help" {
            if first == "help", arguments.count > 1 {
                guard let command = command(named: arguments[1]) else {
                    return unknownCommand(arguments[1], console)
                }
                console.out(command.help.text)
            } else {
                console.out(overview)
            }
            return .clean
        }
        guard let command = command(named: first) else { return unknownCommand(first, console) }
        let rest = Array(arguments.dropFirst())
        if ArgumentScanner.asksForHelp(rest) {
            console.out(command.help.text)
            return .clean
        }
        return await run(command, rest, context: context)
    }

    private static func run(_ type: any Command.Type, _ arguments: [String], context: CommandContext) async
        -> ExitStatus
    {
        let command: any Command
        do {
            var scanner = ArgumentScanner(arguments)
            command = try type.init(parsing: &scanner)
        } catch {
            context.console.error("tracefuzz \(type.help.name): \(error.message)")
            context.console.error("see 'tracefuzz \(type.help.name) --help'")
            return .badInput
        }
        return await command.run(context)
    }

    private static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.help.name == name }
    }

    private static func unknownCommand(_ name: String, _ console: Console) -> ExitStatus {
        let names = commands.map { $0.help.name }.joined(separator: ", ")
        console.error("tracefuzz: unknown command '\(name)'; commands: \(names) (see 'tracefuzz --help')")
        return .badInput
    }
}
