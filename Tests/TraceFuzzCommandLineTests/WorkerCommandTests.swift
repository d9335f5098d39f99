import Testing

@testable import TraceFuzzCommandLine

@Suite("WorkerCommand")
struct WorkerCommandTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> WorkerCommand {
        var scanner = ArgumentScanner(arguments)
        return try WorkerCommand(parsing: &scanner)
    }

    @Test("no flag runs the built-in tracer; --noop does nothing; --mutant picks a broken worker")
    func parsing() throws {
        let plain = try parse([])
        #expect(!plain.noop && plain.mutantWorker == nil)
        #expect(try parse(["--noop"]).noop)
        let mutant = try parse(["--mutant", "exit-before-export"])
        #expect(mutant.mutantWorker != nil)
        #expect(mutant.mutantArguments == ["worker", "--mutant", "exit-before-export"])
    }

    @Test(
        "bad usage names the flag, and --mutant lists the mutants that have a broken worker",
        arguments: [
            (
                ["--mutant", "pool-no-propagation"],
                "--mutant: 'pool-no-propagation' is not a mutant with a broken worker; those are: "
                    + "fork-stale-worker, exit-before-export"
            ),
            (["--noop", "--mutant", "fork-stale-worker"], "--mutant: cannot be combined with --noop"),
            (["extra"], "unexpected argument 'extra'"),
        ])
    func badUsage(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try parse(arguments) }
    }
}
