import TraceFuzz

/// The statistics that end a human-readable run: totals, speed, and how often each executor,
/// strategy and invariant was exercised, most exercised first, aligned.
///
/// ```text
/// statistics
///   scenarios     1,000
///   spans        15,730
///   ...
/// executors (hops)
///   taskGroup            212
///   pool                 201
/// ```
enum StatisticsSummary {
    /// The summary lines. Executors and strategies the options enable, and every built-in invariant,
    /// are listed even when never exercised, so gaps in coverage show.
    static func lines(_ statistics: FuzzStatistics, options: GeneratorOptions) -> [String] {
        let totals: [(String, String, String)] = [
            ("scenarios", Format.grouped(statistics.scenarios), ""),
            ("spans", Format.grouped(statistics.spans), ""),
            ("tasks", Format.grouped(statistics.tasks), ""),
            ("time", Format.fixed(statistics.seconds, 2), " s"),
            ("rate", Format.fixed(statistics.scenariosPerSecond, 1), " scenarios/s"),
            ("unsupported", Format.grouped(statistics.unsupported), ""),
            ("findings", Format.grouped(statistics.findings), ""),
        ]
        let table = Format.table(totals.map { [$0.0, $0.1] }, rightAligned: [1])
        var lines = ["statistics"] + zip(table, totals).map { $0 + $1.2 }
        for (reason, count) in sorted(statistics.unsupportedReasons, including: []) {
            lines.append("  unsupported \(Format.grouped(count))×: \(reason)")
        }
        let executors = options.executorWeights.filter { $0.value > 0 }.map(\.key.rawValue)
        let strategies = options.strategyWeights.filter { $0.value > 0 }.map(\.key.rawValue)
        lines += section("executors (hops)", statistics.executors, including: executors)
        lines += section("strategies (hops)", statistics.strategies, including: strategies)
        lines += section("invariants (checks)", statistics.invariants, including: Invariants.names)
        return lines
    }

    /// Counts sorted by count, highest first, then by name; `including` names appear even at zero.
    static func sorted(_ counts: [String: Int], including names: [String]) -> [(name: String, count: Int)] {
        var all = counts
        for name in names where all[name] == nil { all[name] = 0 }
        return all.map { (name: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    private static func section(_ title: String, _ counts: [String: Int], including names: [String])
        -> [String]
    {
        let rows = sorted(counts, including: names).map { [$0.name, Format.grouped($0.count)] }
        return ["", title] + Format.table(rows, rightAligned: [1])
    }
}
