import TraceFuzz
import TraceFuzzMutants

/// `tracefuzz mutants`: runs every planted bug of the catalog against the default generator, each with a
/// time budget, and prints how fast each was found and how small its shrunk reproduction is.
struct MutantsCommand: Command {
    /// The default budget per mutant.
    static let defaultBudget = Duration.seconds(30)

    static let help = CommandHelp(
        name: "mutants",
        summary: "Run the planted-bug catalog: is every mutant found, how fast, how small?",
        usage: ["mutants [--budget DURATION] [--only ID,ID] [--seed S] [--no-shrink] [--json] [--quiet]"],
        details: """
            Each mutant is a tracer or executor adapter with one deliberate bug from BUG-CATALOG.md. Each is
            fuzzed with the default generator options from the same seed until its first finding or the end
            of its budget; the finding is then shrunk.

            flags:
              --budget DURATION     time per mutant (default \(defaultBudget.commandLineForm)): 500ms, 30s, 5m
              --only ID,ID          run only these mutants (ids below)
              --seed S              the seed every mutant starts from, decimal or 0x hex (default 1)
              --no-shrink           do not shrink findings
              --json                print one JSON object instead of the table
              --quiet               no progress lines on stderr

            Columns: scenarios and seconds to the first finding, the invariant it broke, and the shrunk and
            the found scenario's size as hops/spans. 'tracefuzz mutants --only ID --seed SEED' fuzzes a
            mutant again from the scenario that killed it.
            Exit status: 0 every mutant killed, 1 a mutant survived or could not run, 2 bad usage.

            mutants:
            \(idList)
            """)

    /// The catalog's ids, a few to a line.
    static var idList: String {
        var lines: [String] = []
        var line = ""
        for id in MutantCatalog.ids {
            if !line.isEmpty && line.count + id.count + 2 > 100 {
                lines.append(line + ",")
                line = ""
            }
            line += line.isEmpty ? "  " + id : ", " + id
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The seed every mutant starts from.
    var seed = Seed(1)
    /// Time per mutant.
    var budget = MutantsCommand.defaultBudget
    /// The mutants to run.
    var mutants = MutantCatalog.all
    /// Whether to shrink findings.
    var shrink = true
    /// Whether to print JSON.
    var json = false
    /// Whether to suppress progress lines.
    var quiet = false

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        while let name = try scanner.nextFlag() {
            switch name {
            case "seed": seed = try RunCommand.seed(&scanner)
            case "budget":
                budget = try scanner.value(
                    for: name, expected: BudgetFlags.durationExpected, Duration.init(parsing:))
            case "only": mutants = try Self.mutants(try scanner.value(for: name))
            case "no-shrink": shrink = false
            case "json": json = true
            case "quiet": quiet = true
            default: throw scanner.unknown(name)
            }
        }
    }

    /// The mutants named in a comma-separated list, in catalog order.
    static func mutants(_ list: String) throws(UsageError) -> [Mutant] {
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let unknown = ids.first(where: { MutantCatalog.mutant($0) == nil }) {
            throw UsageError.option(
                "only", "unknown mutant '\(unknown)'; ids: \(MutantCatalog.ids.joined(separator: ", "))")
        }
        if ids.isEmpty { throw UsageError.option("only", "expects at least one mutant id") }
        return MutantCatalog.all.filter { ids.contains($0.id) }
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        let campaign = MutantCampaign(
            mutants: mutants, seed: seed.value, budget: .time(budget), shrinkBudget: shrink ? 300 : 0)
        let console = context.console
        let quiet = self.quiet
        let results = await campaign.run { result in
            guard !quiet else { return }
            let outcome =
                result.skipped.map { "skipped: \($0)" }
                ?? (result.killed
                    ? "killed by \(result.invariant ?? "?") after \(result.scenarios) scenarios"
                    : "survived \(result.scenarios) scenarios")
            console.error("mutants: \(result.id): \(outcome)")
        }
        let report = MutantCampaignReport(seed: seed.value, budgetSeconds: budget.seconds, results: results)
        console.out(json ? report.json() : report.table)
        return report.allKilled ? .clean : .finding
    }
}
