import TraceFuzz
import TraceFuzzMutants

/// `tracefuzz worker`: internal. The child process of a `process` hop: reads one request line on
/// standard input, runs the task's steps against its own tracer, and writes its results as JSON lines
/// on standard output (the line protocol in `Scenarios/README.md`). Process hops start it; it is not
/// meant to be run by hand.
struct WorkerCommand: Command {
    static let help = CommandHelp(
        name: "worker",
        summary: "Internal: the child process of a process hop (started by TraceFuzz, not by hand).",
        usage: ["worker [--noop | --mutant ID]"],
        details: """
            Reads one request (JSON, one line) on standard input, runs its steps in this process with a
            tracer of its own, and writes one JSON object per line on standard output, ending with
            {"type":"done",...}. Standard input must stay open until the output ends: end of file there
            means the parent is gone, and the worker exits at once. The formats are in
            Scenarios/README.md, "Process hops".

            flags:
              --noop                exit 0 at once, reading nothing (the bench's bare-spawn baseline)
              --mutant ID           run the broken tracer of mutant ID, for a catalog row whose defect
                                    lives in the child (`tracefuzz mutants` starts these)

            Exit status: 0 done, 2 a request it cannot read, 3 the parent went away; a fault in the
            request changes that on purpose.
            """)

    /// Whether to do nothing at all.
    var noop = false
    /// The entry point of a mutant's broken worker, for `--mutant`.
    var mutantWorker: (@Sendable ([String]) async -> Int32)?
    /// The mutant's arguments, to start the same broken worker for nested process hops.
    var mutantArguments: [String] = []

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        while let argument = try scanner.next() {
            switch argument {
            case .positional(let value): throw UsageError("unexpected argument '\(value)'")
            case .flag("noop"): noop = true
            case .flag("mutant"): try selectMutant(try scanner.value(for: "mutant"))
            case .flag(let name): throw scanner.unknown(name)
            }
        }
        if noop && mutantWorker != nil { throw UsageError.option("mutant", "cannot be combined with --noop") }
    }

    private mutating func selectMutant(_ id: String) throws(UsageError) {
        let planted = MutantCatalog.all.filter { if case .worker = $0.child { true } else { false } }
        guard let mutant = planted.first(where: { $0.id == id }), case .worker(let main)? = mutant.child else {
            throw UsageError.option(
                "mutant", "'\(id)' is not a mutant with a broken worker; those are: "
                    + planted.map(\.id).joined(separator: ", "))
        }
        mutantWorker = main
        mutantArguments = mutant.workerArguments
    }

    /// The arguments that start this binary as the worker of a nested process hop: the children of a
    /// worker's own process hops run the same tracer as the worker.
    static func childArguments(tracer: String?) -> [String] {
        [help.name] + (tracer.map { ["--tracer", $0] } ?? [])
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        if noop { return .clean }
        let status =
            if let mutantWorker {
                await mutantWorker(mutantArguments)
            } else {
                await ProcessWorker.main(
                    factory: context.factory, arguments: Self.childArguments(tracer: context.tracerName))
            }
        switch status {
        case 0: return .clean
        case ProcessWorker.badRequestStatus: return .badInput
        default: return .finding
        }
    }
}
