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
            guard let span = input.firstExportedSpan(index) else { continue }
            if expectation.parentIndex == nil {
                if let other = rootByTrace[span.identity.traceID] {
                    violations.append(
                        Violation(
                            invariant: name,
                            message: "roots '\(other)' and '\(label)' share trace \(span.identity.traceID)",
                            expected: "'\(label)' starts its own trace", actual: "'\(label)' is in the trace of '\(other)'",
                            labels: [other, label], mark: .wrongTrace))
                } else {
                    rootByTrace[span.identity.traceID] = label
                }
                continue
            }
            guard let rootTrace = input.identity(ofExpectation: expectation.traceRootIndex)?.traceID,
                rootTrace != span.identity.traceID
            else { continue }
            violations.append(
                Violation(
                    invariant: name,
                    message:
                        "'\(label)' at \(expectation.site) should be in the trace of '\(expectation.traceRoot)' "
                        + "(\(rootTrace)), but is in \(span.identity.traceID)",
                    expected: "trace \(rootTrace)", actual: "trace \(span.identity.traceID)",
                    labels: [label], mark: .wrongTrace))
        }
        return violations
    }
}
