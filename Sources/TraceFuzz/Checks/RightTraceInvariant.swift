/// Every exported span is in the trace of its expected root, and distinct roots never share a trace.
public struct RightTraceInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `right-trace`.
    public var name: String { "right-trace" }

    /// Compares trace IDs with the expected roots' trace IDs.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        var rootByTrace: [String: String] = [:]
        for (index, expectation) in input.expectations.enumerated() {
            let label = expectation.label
            let position = input.firstExport[index]
            guard position >= 0 else { continue }
            let traceID = input.record.exported[position].identity.traceID
            if expectation.parentIndex == nil {
                if let other = rootByTrace[traceID] {
                    violations.append(
                        Violation(
                            invariant: name,
                            message: "roots '\(other)' and '\(label)' share trace \(traceID)",
                            expected: "'\(label)' starts its own trace", actual: "'\(label)' is in the trace of '\(other)'",
                            labels: [other, label], mark: .wrongTrace))
                } else {
                    rootByTrace[traceID] = label
                }
                continue
            }
            guard let rootTrace = input.traceID(ofExpectation: expectation.traceRootIndex), rootTrace != traceID
            else { continue }
            violations.append(
                Violation(
                    invariant: name,
                    message:
                        "'\(label)' at \(expectation.site) should be in the trace of '\(expectation.traceRoot)' "
                        + "(\(rootTrace)), but is in \(traceID)",
                    expected: "trace \(rootTrace)", actual: "trace \(traceID)",
                    labels: [label], mark: .wrongTrace))
        }
        return violations
    }
}
