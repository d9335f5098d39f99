import Foundation
import TraceFuzz

/// `tracefuzz corpus`: lists a failure database, prunes the entries that no longer fail, or adds a fixed
/// finding to the checked-in regressions.
struct CorpusCommand: Command {
    /// Runs an entry gets before `prune` counts it as no longer failing.
    static let defaultAttempts = ReplayCommand.defaultAttempts
    /// The longest message `list` prints before cutting it short.
    static let messageWidth = 72

    static let help = CommandHelp(
        name: "corpus",
        summary: "List or prune a failure database; add a fixed finding to the checked-in regressions.",
        usage: [
            "corpus list [--database DIR]",
            "corpus prune [--database DIR] [--attempts N] [--dry-run]",
            "corpus add FILE [--database DIR] [--attempts N]",
        ],
        details: """
            list prints one row per entry: file, invariant, tracer, seed, spans/hops and the message.
            prune replays every entry stored against this tracer up to N times; an entry that passes every
            run no longer fails and is removed, one that fails is kept. Entries of other tracers are left
            alone. It prints what it kept and removed. list and prune default to the working database,
            \(DatabaseFlags.workingDirectory), where run and stress save their findings.

            add copies a stored finding (a working-database entry, or the -shrunk.json file a finding
            printed) into \(DatabaseFlags.regressionsDirectory), the checked-in regressions that
            'swift test' replays and expects to pass: the only way that directory changes. The bug must be
            fixed first: a finding stored against this tracer is replayed up to N times, and one that
            still fails is not added (exit 1). A finding whose scenario names a 'hang' or 'garbage' fault
            tests the harness, fails every run, and is never a regression (exit 2).

            An entry that cannot be read is named in a warning and skipped.

            flags:
              --database DIR        list, prune: the database (default \(DatabaseFlags.workingDirectory));
                                    add: where the entry goes (default \(DatabaseFlags.regressionsDirectory))
              --attempts N          prune, add: runs an entry gets before it counts as passing
                                    (default \(defaultAttempts))
              --dry-run             prune: report, remove nothing

            Exit status: 0 done (prune: nothing still fails), 1 prune kept entries that still fail or add's
            finding still fails, 2 bad usage, a missing database or a FILE that is not a stored finding.
            """)

    /// The subcommand.
    enum Action: String, Hashable, Sendable {
        /// A table of entries.
        case list
        /// Remove entries that no longer fail.
        case prune
        /// Copy a fixed finding into the checked-in regressions.
        case add
    }

    /// What to do.
    var action: Action
    /// The database directory, if given.
    var directory: String?
    /// Runs per entry when pruning.
    var attempts = CorpusCommand.defaultAttempts
    /// Whether to only report.
    var dryRun = false
    /// `add`'s stored finding.
    var file: String?

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        var action: Action?
        var pruneOnly: String?
        var attemptsGiven = false
        while let argument = try scanner.next() {
            switch argument {
            case .positional(let value):
                if action == .add && file == nil {
                    file = value
                    continue
                }
                guard action == nil else { throw UsageError("unexpected argument '\(value)'") }
                guard let parsed = Action(rawValue: value) else {
                    throw UsageError("unknown action '\(value)'; actions: list, prune, add")
                }
                action = parsed
            case .flag("database"):
                let value = try scanner.value(for: "database")
                if value.isEmpty { throw UsageError.option("database", "expects a directory") }
                directory = value
            case .flag("attempts"):
                attempts = try RunCommand.positiveInteger("attempts", &scanner)
                attemptsGiven = true
            case .flag("dry-run"):
                dryRun = true
                pruneOnly = "dry-run"
            case .flag(let name): throw scanner.unknown(name)
            }
        }
        guard let action else { throw UsageError("expects an action: list, prune or add") }
        if action != .prune, let pruneOnly { throw UsageError.option(pruneOnly, "applies only to prune") }
        if action == .list, attemptsGiven { throw UsageError.option("attempts", "applies only to prune and add") }
        if action == .add, file == nil { throw UsageError("add expects a stored finding FILE") }
        self.action = action
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        await run(context, factory: context.factory)
    }

    private func run<Factory: TracerAdapterFactory>(_ context: CommandContext, factory: Factory) async
        -> ExitStatus
    {
        let console = context.console
        if let file {
            let adder = CorpusAdder(attempts: attempts, directory: directory ?? DatabaseFlags.regressionsDirectory)
            return await adder.add(file, fuzzer: Fuzzer(factory: factory, runtime: context.runtime), console: console)
        }
        guard let directory = directory ?? context.defaultDatabase else {
            console.error("tracefuzz corpus: no failure database given (give --database DIR)")
            return .badInput
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            console.error("tracefuzz corpus: no failure database at \(directory) (give --database DIR)")
            return .badInput
        }
        let database = FailureDatabase(directory: URL(fileURLWithPath: directory))
        let scan = database.scan()
        for (_, error) in scan.unreadable {
            console.error(
                "tracefuzz corpus: warning: skipped an unreadable entry: "
                    + DatabaseReplay.describe(error, display: directory))
        }
        let entries = scan.entries
        switch action {
        case .list, .add:
            for line in Self.table(entries) { console.out(line) }
            console.out("\(entries.count) entr\(entries.count == 1 ? "y" : "ies") in \(directory)")
            return .clean
        case .prune:
            let fuzzer = Fuzzer(factory: factory, runtime: context.runtime)
            let pruner = CorpusPruner(attempts: attempts, dryRun: dryRun, directory: directory)
            return await pruner.prune(entries, database: database, fuzzer: fuzzer, console: console)
        }
    }

    /// The `list` table: file, invariant, tracer, seed, spans/hops, message.
    static func table(_ entries: [FailureDatabase.Entry]) -> [String] {
        var rows = [["file", "invariant", "tracer", "seed", "spans/hops", "message"]]
        for entry in entries {
            let size = ScenarioSize(entry.finding.scenario)
            var message = entry.finding.message.replacingOccurrences(of: "\n", with: " ")
            if message.count > messageWidth { message = String(message.prefix(messageWidth - 1)) + "…" }
            rows.append([
                entry.url.lastPathComponent, entry.finding.invariant, entry.finding.tracer,
                entry.finding.seed ?? "-", "\(size.spans)/\(size.hops)", message,
            ])
        }
        return Format.table(rows, indent: "")
    }
}
