/// Every span is exported at most once, and no two spans share a span ID.
public struct NoDuplicatesInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `no-duplicates`.
    public var name: String { "no-duplicates" }

    /// Looks for labels exported twice and span IDs used twice.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        for expectation in input.expectations {
            guard let copies = input.exportedByLabel[expectation.label], copies.count > 1 else { continue }
            violations.append(
                Violation(
                    invariant: name,
                    message:
                        "'\(expectation.label)' was exported \(copies.count) times (by instance(s) "
                        + "\(copies.map { String($0.exportedBy) }.joined(separator: ", ")))",
                    expected: "exported once", actual: "exported \(copies.count) times",
                    labels: [expectation.label], mark: .duplicated))
        }
        var labelByID: [String: String] = [:]
        for span in input.record.exported {
            if let other = labelByID[span.identity.spanID], other != span.label {
                violations.append(
                    Violation(
                        invariant: name, message: "'\(other)' and '\(span.label)' share span ID \(span.identity.spanID)",
                        labels: [other, span.label], mark: .duplicated))
            }
            labelByID[span.identity.spanID] = span.label
        }
        return violations
    }
}
