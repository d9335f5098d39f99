/// Every span is exported at most once, and no two spans share a span ID.
public struct NoDuplicatesInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `no-duplicates`.
    public var name: String { "no-duplicates" }

    /// Looks for labels exported twice and span IDs used twice.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        for index in input.expectations.indices where input.exportCount[index] > 1 {
            let expectation = input.expectations[index]
            let copies = input.exports(of: expectation.label)
            violations.append(
                Violation(
                    invariant: name,
                    message:
                        "'\(expectation.label)' was exported \(copies.count) times (by instance(s) "
                        + "\(copies.map { String($0.exportedBy) }.joined(separator: ", ")))",
                    expected: "exported once", actual: "exported \(copies.count) times",
                    labels: [expectation.label], mark: .duplicated))
        }
        for (first, second) in input.sharedSpanIDs {
            let other = input.record.exported[first]
            let span = input.record.exported[second]
            violations.append(
                Violation(
                    invariant: name, message: "'\(other.label)' and '\(span.label)' share span ID \(span.identity.spanID)",
                    labels: [other.label, span.label], mark: .duplicated))
        }
        return violations
    }
}
