import TraceFuzz

/// The command line: picks the command named by the first argument, handles `--help` and `--tracer`,
/// turns usage errors into exit status 2, and runs the command with replay lines naming this binary.
///
/// ```swift
/// let status = await TraceFuzzTool.main(["generate", "--seed", "42"], context: .standard(for: .builtIn))
/// ```
enum TraceFuzzTool {
    /// Every command, in the order `--help` lists them; `mutants` only where the catalog is.
    static let commands: [any Command.Type] = [
        RunCommand.self, ReplayCommand.self, GenerateCommand.self, CheckCommand.self, BenchCommand.self,
        MutantsCommand.self, ShrinkCommand.self, CorpusCommand.self, StressCommand.self, WorkerCommand.self,
    ]

    /// The commands `tool` offers.
    static func commands(of tool: TraceFuzzCommandLine) -> [any Command.Type] {
        tool.includesCatalog ? commands : commands.filter { ObjectIdentifier($0) != ObjectIdentifier(MutantsCommand.self) }
    }

    /// The overview `--help` prints.
    static func overview(_ tool: TraceFuzzCommandLine) -> String {
        let offered = commands(of: tool)
        let width = offered.map { $0.help.name.count }.max() ?? 0
        var lines = [
            "\(tool.name): fuzz trace-context propagation across threads, queues, tasks and child processes.",
            "",
            "usage: \(tool.name) COMMAND [FLAGS]",
            "",
            "commands:",
        ]
        for command in offered {
            let name = command.help.name
            lines.append(
                "  \(name)\(String(repeating: " ", count: width - name.count))   \(command.help.summary)")
        }
        let tracerWidth = tool.tracers.map(\.name.count).max() ?? 0
        lines += ["", "tracers (--tracer NAME after the command; the first is the default):"]
        for tracer in tool.tracers {
            lines.append(
                "  \(tracer.name)\(String(repeating: " ", count: tracerWidth - tracer.name.count))   \(tracer.summary)")
        }
        lines += [
            "",
            "'\(tool.name) COMMAND --help' describes a command's flags.",
            "Exit status: 0 clean, 1 a finding, 2 bad usage or bad input.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit status.
    static func main(_ arguments: [String], context: CommandContext) async -> ExitStatus {
        let console = context.console
        let tool = context.tool
        guard let first = arguments.first else {
            console.error(overview(tool))
            return .badInput
        }
        if first == "-h" || first == "--help" || first == "help" {
            if first == "help", arguments.count > 1 {
                guard let command = command(named: arguments[1], in: tool) else {
                    return unknownCommand(arguments[1], tool, console)
                }
                console.out(command.help.text)
            } else {
                console.out(overview(tool))
            }
            return .clean
        }
        guard let command = command(named: first, in: tool) else { return unknownCommand(first, tool, console) }
        var rest = Array(arguments.dropFirst())
        if ArgumentScanner.asksForHelp(rest) {
            console.out(command.help.text)
            return .clean
        }
        var context = context
        do throws(UsageError) {
            if let name = try takeTracer(from: &rest) {
                guard let target = tool.tracer(named: name) else {
                    let names = tool.tracers.map(\.name).joined(separator: ", ")
                    throw UsageError.option("tracer", "'\(name)' is not a tracer of \(tool.name); its tracers: \(names)")
                }
                context = context.selecting(target)
            }
            if let driver = try DriverFlags.take(from: &rest) {
                context = try context.selecting(driver)
            }
        } catch {
            return usageFailed(command, error, context)
        }
        return await TraceFuzz.ReplayCommand.$tool.withValue(context.replayTool) {
            await run(command, rest, context: context)
        }
    }

    /// Removes `--tracer NAME` (or `--tracer=NAME`) from `arguments` and returns the name.
    static func takeTracer(from arguments: inout [String]) throws(UsageError) -> String? {
        var name: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--tracer" {
                guard index + 1 < arguments.count else { throw UsageError.option("tracer", "expects a tracer name") }
                name = arguments[index + 1]
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix("--tracer=") {
                name = String(argument.dropFirst("--tracer=".count))
                arguments.remove(at: index)
            } else {
                index += 1
            }
        }
        return name
    }

    private static func run(_ type: any Command.Type, _ arguments: [String], context: CommandContext) async
        -> ExitStatus
    {
        let command: any Command
        do {
            var scanner = ArgumentScanner(arguments)
            command = try type.init(parsing: &scanner)
        } catch {
            return usageFailed(type, error, context)
        }
        return await command.run(context)
    }

    private static func usageFailed(_ type: any Command.Type, _ error: UsageError, _ context: CommandContext)
        -> ExitStatus
    {
        let program = context.tool.name
        context.console.error("\(program) \(type.help.name): \(error.message)")
        context.console.error("see '\(program) \(type.help.name) --help'")
        return .badInput
    }

    private static func command(named name: String, in tool: TraceFuzzCommandLine) -> (any Command.Type)? {
        commands(of: tool).first { $0.help.name == name }
    }

    private static func unknownCommand(_ name: String, _ tool: TraceFuzzCommandLine, _ console: Console) -> ExitStatus {
        let names = commands(of: tool).map { $0.help.name }.joined(separator: ", ")
        console.error("\(tool.name): unknown command '\(name)'; commands: \(names) (see '\(tool.name) --help')")
        return .badInput
    }
}
