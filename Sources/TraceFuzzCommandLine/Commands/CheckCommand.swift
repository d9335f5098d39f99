import Foundation
import TraceFuzz

/// `tracefuzz check`: validates a scenario file and summarises it, or names the JSON path of what is
/// wrong.
struct CheckCommand: Command {
    static let help = CommandHelp(
        name: "check",
        summary: "Validate a scenario file: a one-line summary, or the JSON path of what is wrong.",
        usage: ["check FILE"],
        details: """
            Prints 'FILE: ok: N spans, N hops, N instances' and exits 0, or prints
            'FILE: $.json.path: message' on stderr and exits 2.
            """)

    /// The file to check.
    var file: String

    init(parsing scanner: inout ArgumentScanner) throws(UsageError) {
        var file: String?
        while let argument = try scanner.next() {
            switch argument {
            case .flag(let name): throw scanner.unknown(name)
            case .positional(let value):
                guard file == nil else {
                    throw UsageError("unexpected argument '\(value)': check reads one file")
                }
                file = value
            }
        }
        guard let file else { throw UsageError("expects a scenario FILE") }
        self.file = file
    }

    func run(_ context: CommandContext) async -> ExitStatus {
        do {
            let scenario = try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: file))
            context.console.out("\(file): ok: \(Self.summary(scenario))")
            return .clean
        } catch {
            context.console.error(Self.describe(error, file: file))
            return .badInput
        }
    }

    /// `12 spans, 3 hops, 2 instances`.
    static func summary(_ scenario: Scenario) -> String {
        var statistics = FuzzStatistics()
        statistics.count(scenario)
        let hops = statistics.executors.values.reduce(0, +)
        return [
            plural(statistics.spans, "span"), plural(hops, "hop"),
            plural(scenario.instances.count, "instance"),
        ].joined(separator: ", ")
    }

    /// `FILE: $.path: message`, or `FILE: message` when the file itself could not be read.
    static func describe(_ error: ScenarioError, file: String) -> String {
        error.path.hasPrefix("$") ? "\(file): \(error.path): \(error.message)" : "\(file): \(error.message)"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
