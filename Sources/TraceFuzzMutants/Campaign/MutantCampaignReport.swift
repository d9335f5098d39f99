import Foundation
import TraceFuzz

/// A campaign's results with their summary, as `tracefuzz mutants` prints them: a table, or one JSON
/// object.
public struct MutantCampaignReport: Hashable, Sendable, Codable {
    /// The seed every mutant fuzzed from.
    public var seed: UInt64
    /// The budget per mutant, in seconds (or `nil` when it was a scenario count).
    public var budgetSeconds: Double?
    /// One result per mutant, in catalog order.
    public var results: [MutantResult]

    /// Creates a report.
    public init(seed: UInt64, budgetSeconds: Double?, results: [MutantResult]) {
        self.seed = seed
        self.budgetSeconds = budgetSeconds
        self.results = results
    }

    /// Mutants that were run (not skipped).
    public var run: [MutantResult] { results.filter { $0.skipped == nil } }

    /// How many of the run mutants were killed.
    public var killed: Int { run.filter(\.killed).count }

    /// Whether every mutant was run and killed.
    public var allKilled: Bool { !results.isEmpty && results.allSatisfy(\.killed) }

    /// The median seconds to the first finding over the killed mutants.
    public var medianSeconds: Double? {
        let times = run.filter(\.killed).map(\.seconds).sorted()
        guard !times.isEmpty else { return nil }
        let middle = times.count / 2
        return times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
    }

    /// The longest seconds to the first finding over the killed mutants.
    public var maxSeconds: Double? { run.filter(\.killed).map(\.seconds).max() }

    /// The table: one row per mutant, then a summary line.
    public var table: String {
        let header = ["mutant", "killed", "scenarios", "seconds", "invariant", "shrunk", "found", "seed"]
        var rows = [header]
        for result in results {
            if result.skipped != nil {
                rows.append([result.id, "skipped", "-", "-", "-", "-", "-", "-"])
                continue
            }
            rows.append([
                result.id, result.killed ? "yes" : "NO", String(result.scenarios),
                Self.format(result.seconds),
                result.invariant ?? "-", result.shrunk.map(Self.size) ?? "-",
                result.found.map(Self.size) ?? "-",
                result.seed.map { "0x" + String($0, radix: 16) } ?? "-",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        lines.append("")
        var reasons: [String: [String]] = [:]
        for result in results {
            if let reason = result.skipped { reasons[reason, default: []].append(result.id) }
        }
        for (reason, ids) in reasons.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped (\(reason)): \(ids.joined(separator: ", "))")
        }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// `killed 16/16 run (4 skipped); median 0.21 s, max 1.30 s to the first finding`.
    public var summary: String {
        let skipped = results.count - run.count
        var line = "killed \(killed)/\(run.count) run"
        if skipped > 0 { line += " (\(skipped) skipped)" }
        if let median = medianSeconds, let max = maxSeconds {
            line += "; median \(Self.format(median)) s, max \(Self.format(max)) s to the first finding"
        }
        return line
    }

    /// `hops/spans`, such as `1/3`.
    static func size(_ size: ScenarioSize) -> String { "\(size.hops)/\(size.spans)" }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }

    /// The report as pretty-printed JSON, keys sorted, with summary fields alongside the results.
    public func json() -> String {
        struct Document: Encodable {
            var seed: String
            var budgetSeconds: Double?
            var killed: Int
            var run: Int
            var allKilled: Bool
            var medianSeconds: Double?
            var maxSeconds: Double?
            var results: [MutantResult]
        }
        let document = Document(
            seed: "0x" + String(seed, radix: 16), budgetSeconds: budgetSeconds, killed: killed,
            run: run.count,
            allKilled: allKilled, medianSeconds: medianSeconds, maxSeconds: maxSeconds, results: results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
