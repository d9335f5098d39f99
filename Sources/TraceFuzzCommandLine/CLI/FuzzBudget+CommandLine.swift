import TraceFuzz

extension FuzzBudget {
    /// The budget as the command line spells it: `10m`, `5000 scenarios`, `5000 scenarios or 10m`, or
    /// `no limit`.
    var commandLineForm: String {
        var parts: [String] = []
        if let count = iterations { parts.append(count == 1 ? "1 scenario" : "\(count) scenarios") }
        if let time { parts.append(time.commandLineForm) }
        return parts.isEmpty ? "no limit" : parts.joined(separator: " or ")
    }
}
