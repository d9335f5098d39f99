/// Drops are accounted for exactly: after the final flush, the number of spans an instance says it
/// dropped equals the number of its spans that are missing. (More missing than dropped is a loss,
/// reported by `none-lost`; more dropped than missing means the count is wrong.) Which spans a full queue
/// gives up depends on its policy, so only counts are compared.
public struct DropsAccountedInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `drops-accounted`.
    public var name: String { "drops-accounted" }

    /// Compares each instance's drop count with its missing spans.
    public func check(_ input: CheckInput) -> [Violation] {
        guard input.record.hang == nil else { return [] }
        var violations: [Violation] = []
        for (instance, dropped) in input.record.dropped.enumerated() where dropped > 0 {
            let expected = input.expectations.indices.filter { input.expectations[$0].instance == instance }
            let missing = expected.filter { !input.isExported($0, by: instance) }.map { input.expectations[$0] }
            guard dropped > missing.count else { continue }
            violations.append(
                Violation(
                    invariant: name,
                    message:
                        "instance \(instance) counted \(dropped) dropped span(s), but only \(missing.count) of its "
                        + "\(expected.count) spans are missing",
                    expected: "dropped = missing = \(missing.count)", actual: "dropped = \(dropped)",
                    labels: missing.map(\.label), mark: .run))
        }
        return violations
    }
}

extension DropsAccountedInvariant {
    /// One per instance that dropped something.
    public func coverage(_ input: CheckInput) -> Int { input.record.dropped.filter { $0 > 0 }.count }
}
