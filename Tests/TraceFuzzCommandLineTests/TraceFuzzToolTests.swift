import Testing

@testable import TraceFuzzCommandLine

@Suite("TraceFuzzTool")
struct TraceFuzzToolTests {
    @Test("--help lists every command with its summary")
    func overview() async {
        for flag in ["--help", "-h", "help"] {
            let result = await Invocation.run([flag])
            #expect(result.status == .clean)
            for command in TraceFuzzTool.commands {
                #expect(result.output.contains("  \(command.help.name) "))
                #expect(result.output.contains(command.help.summary))
            }
        }
    }

    @Test("no command is bad usage, with the overview on stderr")
    func noCommand() async {
        let result = await Invocation.run([])
        #expect(result.status == .badInput)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("commands:"))
    }

    @Test("every command has --help and -h", arguments: TraceFuzzTool.commands.map { $0.help.name })
    func commandHelp(name: String) async {
        for flag in ["--help", "-h"] {
            let result = await Invocation.run([name, flag])
            #expect(result.status == .clean)
            #expect(result.output.contains("usage:\n  tracefuzz \(name)"))
        }
        let viaHelp = await Invocation.run(["help", name])
        #expect(viaHelp.output == (await Invocation.run([name, "--help"])).output)
    }

    @Test("--help wins over bad flags")
    func helpWins() async {
        let result = await Invocation.run(["run", "--no-such-flag", "--help"])
        #expect(result.status == .clean)
    }

    @Test("an unknown command lists the commands")
    func unknownCommand() async {
        let result = await Invocation.run(["fuzz"])
        #expect(result.status == .badInput)
        #expect(result.error.contains("unknown command 'fuzz'; commands: run, replay, generate, check"))
    }

    @Test(
        "an unknown flag is bad usage naming the flag, with nothing on stdout",
        arguments: [
            ["run", "--iteratons", "5"], ["replay", "--seed", "1", "--bogus"], ["generate", "--json"],
            ["check", "--x", "f"],
        ])
    func unknownFlag(arguments: [String]) async {
        let result = await Invocation.run(arguments)
        #expect(result.status == .badInput)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("unknown option '--"))
        #expect(result.error.contains("see 'tracefuzz \(arguments[0]) --help'"))
    }

    @Test("help lines fit in 110 columns")
    func helpWidth() {
        for command in TraceFuzzTool.commands {
            for line in command.help.text.split(separator: "\n") {
                #expect(line.count <= 110, "\(command.help.name): \(line)")
            }
        }
    }
}
