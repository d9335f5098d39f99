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
        // Fields are read through positions: copying an expectation or a span would retain its strings.
        for index in input.expectations.indices {
            let position = input.firstExport[index]
            guard position >= 0 else { continue }
            if let parentIndex = input.expectations[index].parentIndex {
                if input.isChild(position, ofExpectation: parentIndex) { continue }
                let violation = wrongParent(input, index: index, position: position, parentIndex: parentIndex)
                if let violation { violations.append(violation) }
            } else if let actual = input.record.exported[position].parentSpanID {
                violations.append(leak(input, index: index, actual: actual))
            }
        }
        return violations
    }

    private func leak(_ input: CheckInput, index: Int, actual: String) -> Violation {
        let expectation = input.expectations[index]
        let label = expectation.label
        return Violation(
            invariant: name,
            message:
                "'\(label)' at \(expectation.site) should start a new trace, but a stale context "
                + "leaked in: its parent is \(input.describe(spanID: actual))",
            expected: "'\(label)' is a root",
            actual: "'\(label)' is a child of \(input.describe(spanID: actual))",
            labels: [label], mark: .leaked)
    }

    /// The violation of a child whose exported parent is not the expected one, or `nil` when it cannot
    /// be judged. With the parent's ID unknown (never exported, never current), a child that is a root
    /// still lost its context; a child with some parent cannot be judged.
    private func wrongParent(_ input: CheckInput, index: Int, position: Int, parentIndex: Int) -> Violation? {
        let expectation = input.expectations[index]
        let label = expectation.label
        let actual = input.record.exported[position].parentSpanID
        let parentID = input.spanID(ofExpectation: parentIndex)
        let parent = input.expectations[parentIndex].label
        if let parentID, actual == parentID { return nil }
        if parentID == nil && actual != nil { return nil }
        let how =
            actual == nil
            ? "the context was lost: it is a root" : "its parent is \(input.describe(spanID: actual))"
        return Violation(
            invariant: name,
            message: "'\(label)' at \(expectation.site) should be a child of '\(parent)', but \(how)",
            expected: "'\(label)' is a child of '\(parent)'",
            actual: actual == nil
                ? "'\(label)' is a root" : "'\(label)' is a child of \(input.describe(spanID: actual))",
            labels: [label], mark: .wrongParent)
    }
}
