import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("GeneratorFlags")
struct GeneratorFlagsTests {
    private func parse(_ arguments: [String]) throws(UsageError) -> GeneratorFlags {
        var flags = GeneratorFlags()
        var scanner = ArgumentScanner(arguments)
        while let argument = try scanner.next() {
            guard case .flag(let name) = argument, try flags.parse(name, from: &scanner) else {
                throw UsageError("not a generator flag: \(argument)")
            }
        }
        try flags.validate()
        return flags
    }

    @Test("no flags are the default options")
    func defaults() throws {
        let flags = try parse([])
        #expect(flags.options == GeneratorOptions())
        #expect(flags.isDefault)
        #expect(flags.commandLine.isEmpty)
    }

    @Test("bounds set the options")
    func bounds() throws {
        let flags = try parse([
            "--max-depth", "2", "--max-fan-out=3", "--max-spans", "100", "--max-hops", "0",
        ])
        #expect(flags.options.maxDepth == 2)
        #expect(flags.options.maxFanOut == 3)
        #expect(flags.options.maxSpans == 100)
        #expect(flags.options.maxHops == 0)
    }

    @Test("executor and strategy lists keep default weights unless given")
    func weights() throws {
        let flags = try parse(["--executors", "pool,thread,task=7", "--strategies", "none"])
        #expect(flags.options.executorWeights == [.pool: 3, .thread: 1, .task: 7])
        #expect(flags.options.strategyWeights == [PropagationStrategy.none: 2])
    }

    @Test("process flags set the share of process scenarios, of faults, and which faults")
    func processFlags() throws {
        let flags = try parse([
            "--process-scenario-percent", "100", "--process-fault-percent", "25", "--process-faults", "hang,crash=3",
        ])
        #expect(flags.options.processScenarioPercent == 100)
        #expect(flags.options.processFaultPercent == 25)
        #expect(flags.options.processFaultWeights == [.hang: 1, .crash: 3])
    }

    @Test("an unknown name lists the valid ones")
    func unknownName() {
        #expect {
            try parse(["--executors", "pool,fiber"])
        } throws: { error in
            let message = (error as? UsageError)?.message ?? ""
            return message.hasPrefix("--executors: unknown name 'fiber'; valid names: pool, tracedPool,")
        }
        #expect {
            try parse(["--strategies", "eager"])
        } throws: { error in
            (error as? UsageError)?.message
                == "--strategies: unknown name 'eager'; valid names: fresh, shared, none, carrier"
        }
    }

    @Test(
        "out-of-range and malformed values name the flag",
        arguments: [
            (["--max-depth", "0"], "--max-depth: 0 is out of range 1...16"),
            (["--max-spans", "many"], "--max-spans: expected an integer, got 'many'"),
            (["--executors", "pool,pool"], "--executors: 'pool' is listed twice"),
            (["--process-scenario-percent", "101"], "--process-scenario-percent: 101 is out of range 0...100"),
            (["--process-fault-percent", "-1"], "--process-fault-percent: -1 is out of range 0...100"),
            (
                ["--process-faults", "segfault"],
                "--process-faults: unknown name 'segfault'; valid names: noFlush, crash, hang, garbage"
            ),
            (
                ["--executors", "pool=0"],
                "--executors: the weight of 'pool' must be a positive integer, got '0'"
            ),
            (
                ["--executors", ""],
                "--executors: an empty name; valid names: "
                    + GeneratorFlags.executorNames.joined(separator: ", ")
            ),
        ])
    func badValues(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try parse(arguments) }
    }

    @Test(
        "the command line round-trips through the parser",
        arguments: [
            ["--max-depth", "2"],
            ["--max-fan-out", "8", "--max-hops", "10"],
            ["--executors", "pool,task=7"],
            ["--strategies", "fresh,carrier", "--no-perturbations", "--no-flushes", "--no-batch"],
            ["--max-steps", "5", "--max-instances", "1"],
            ["--process-scenario-percent", "50", "--process-fault-percent", "0"],
            ["--process-faults", "noFlush,hang=2,garbage"],
        ])
    func roundTrip(arguments: [String]) throws {
        let flags = try parse(arguments)
        #expect(flags.commandLine == arguments)
        #expect(try parse(flags.commandLine).options == flags.options)
    }

    @Test("listing every executor with its default weight is the default")
    func allExecutorsIsDefault() throws {
        let flags = try parse(["--executors", GeneratorFlags.executorNames.joined(separator: ",")])
        #expect(flags.isDefault)
    }
}
