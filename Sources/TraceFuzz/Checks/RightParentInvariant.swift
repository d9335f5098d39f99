/// Every exported span has the parent the oracle expects: the span current at the hop when context
/// propagates, or none (a new root) when it does not. A parent where a root was expected is a *leak*
/// of a stale context, reported as such.
public struct RightParentInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `right-parent`.
    public var name: String { "right-parent" }

    /// Compares every exported span's parent with the oracle's.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        for (index, expectation) in input.expectations.enumerated() {
            let position = input.firstExport[index]
            guard position >= 0 else { continue }
            let label = expectation.label
            switch (expectation.parentIndex, input.record.exported[position].parentSpanID) {
            case (nil, nil):
                continue
            case (nil, let actual?):
                violations.append(
                    Violation(
                        invariant: name,
                        message:
                            "'\(label)' at \(expectation.site) should start a new trace, but a stale context "
                            + "leaked in: its parent is \(input.describe(spanID: actual))",
                        expected: "'\(label)' is a root", actual: "'\(label)' is a child of \(input.describe(spanID: actual))",
                        labels: [label], mark: .leaked))
            case (let parentIndex?, let actual):
                // With the parent's ID unknown (never exported, never current), a child that is a root
                // still lost its context; a child with some parent cannot be judged.
                let parentID = input.spanID(ofExpectation: parentIndex)
                let parent = input.expectations[parentIndex].label
                if let parentID, actual == parentID { continue }
                if parentID == nil && actual != nil { continue }
                let how =
                    actual == nil
                    ? "the context was lost: it is a root" : "its parent is \(input.describe(spanID: actual))"
                violations.append(
                    Violation(
                        invariant: name,
                        message: "'\(label)' at \(expectation.site) should be a child of '\(parent)', but \(how)",
                        expected: "'\(label)' is a child of '\(parent)'",
                        actual: actual == nil
                            ? "'\(label)' is a root" : "'\(label)' is a child of \(input.describe(spanID: actual))",
                        labels: [label], mark: .wrongParent))
            }
        }
        return violations
    }
}
