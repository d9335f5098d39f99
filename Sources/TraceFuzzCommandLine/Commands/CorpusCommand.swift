import Foundation
import TraceFuzz

/// `tracefuzz corpus`: lists the failure database, or prunes the entries that no longer fail.
struct CorpusCommand: Command {
    /// Runs an entry gets before `prune` counts it as no longer failing.
    static let defaultAttempts = ReplayCommand.defaultAttempts
    /// The longest message `list` prints before cutting it short.
    static let messageWidth = 72

    static let help = CommandHelp(
        name: "corpus",
        summary: "List the failure database, or prune the entries that no longer fail.",
        usage: [
            "corpus list [--database DIR]",
            "corpus prune [--database DIR] [--attempts N] [--dry-run]",
        ],
        details: """
            list prints one row per entry: file, invariant, tracer, seed, spans/hops and the message.
            prune replays every entry stored against this tracer up to N times; an entry that passes every
            run no longer fails and is removed, one that fails is kept. Entries of other tracers are left
            alone. It prints what it kept and removed.

            The checked-in Scenarios/regressions holds fixed bugs on purpose ('swift test' replays them and
            expects them to pass): prune is for a working database of open failures, such as a nightly
            job's --database DIR. Use --dry-run to see what would go.

            flags:
              --database DIR        the failure database (default \(DatabaseFlags.defaultDirectory))
              --attempts N          prune: runs an entry gets before it counts as passing
                                    (default \(defaultAttempts))
              --dry-run             prune: report, remove nothing

            Exit status: 0 done (prune: nothing still fails), 1 prune kept entries that still fail,
            2 bad usage, a missing database or an unreadable entry.
            """)

    /// The subcommand.
    enum Action: String, Hashable, Sendable {
        /// A table of entries.
        case list
        /// Remove entries that no longer fail.
        case prune
    }

    /// What to do.
    var action: Action
    /// The database directory, if given.
    var directory: String?
    /// Runs per entry when pruning.
    var attempts = CorpusCommand.defaultAttempts
    /// Whether to only report.
    var dryRun = false

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        var action: Action?
        var pruneOnly: String?
        while let argument = try scanner.next() {
            switch argument {
            case .positional(let value):
                guard action == nil else { throw UsageError("unexpected argument '\(value)'") }
                guard let parsed = Action(rawValue: value) else {
                    throw UsageError("unknown action '\(value)'; actions: list, prune")
                }
                action = parsed
            case .flag("database"):
                let value = try scanner.value(for: "database")
                if value.isEmpty { throw UsageError.option("database", "expects a directory") }
                directory = value
            case .flag("attempts"):
                attempts = try RunCommand.positiveInteger("attempts", &scanner)
                pruneOnly = "attempts"
            case .flag("dry-run"):
                dryRun = true
                pruneOnly = "dry-run"
            case .flag(let name): throw scanner.unknown(name)
            }
        }
        guard let action else { throw UsageError("expects an action: list or prune") }
        if action == .list, let pruneOnly { throw UsageError.option(pruneOnly, "applies only to prune") }
        self.action = action
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        await run(context, factory: context.factory)
    }

    private func run<Factory: TracerAdapterFactory>(_ context: CommandContext, factory: Factory) async
        -> ExitStatus
    {
        let console = context.console
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
        let entries: [FailureDatabase.Entry]
        do {
            entries = try database.entries()
        } catch {
            console.error("tracefuzz corpus: \(DatabaseReplay.describe(error, display: directory))")
            return .badInput
        }
        switch action {
        case .list:
            for line in Self.table(entries) { console.out(line) }
            console.out("\(entries.count) entr\(entries.count == 1 ? "y" : "ies") in \(directory)")
            return .clean
        case .prune:
            let fuzzer = Fuzzer(factory: factory, runtime: context.fuzzRuntime)
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
