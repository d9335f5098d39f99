/// Every exported span is in the trace of its expected root, and distinct roots never share a trace.
public struct RightTraceInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `right-trace`.
    public var name: String { "right-trace" }

    /// Compares trace IDs with the expected roots' trace IDs.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        // The first root exported in each trace, by trace number; fields are read through positions, as
        // copying an expectation or a span would retain its strings.
        var traces = StringTable()
        var rootOfTrace: [Int] = []
        // Trace IDs unique only per tracer object are told apart by the tracer that made the root.
        let perTracer = input.record.capabilities.idUniqueness == .perTracer
        for index in input.expectations.indices {
            let position = input.firstExport[index]
            guard position >= 0 else { continue }
            if input.expectations[index].parentIndex == nil {
                let (trace, inserted) = traces.insert(
                    perTracer
                        ? Self.tracerQualified(input.record.exported[position])
                        : input.record.exported[position].identity.traceID)
                if inserted {
                    rootOfTrace.append(index)
                } else {
                    let root = rootOfTrace[trace]
                    violations.append(sharedTrace(input, root: root, index: index, position: position))
                }
                continue
            }
            let rootIndex = input.expectations[index].traceRootIndex
            let rootPosition = input.firstExport[rootIndex]
            if rootPosition >= 0 && input.shareTrace(position, rootPosition) { continue }
            let traceID = input.record.exported[position].identity.traceID
            guard let rootTrace = input.traceID(ofExpectation: rootIndex), rootTrace != traceID else {
                continue
            }
            let expectation = input.expectations[index]
            let label = expectation.label
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

    /// A trace ID with the tracer that made it: instance and process.
    private static func tracerQualified(_ span: ExportedSpan) -> String {
        "\(span.exportedBy)|\(span.origin ?? "")|\(span.identity.traceID)"
    }

    private func sharedTrace(_ input: CheckInput, root: Int, index: Int, position: Int) -> Violation {
        let other = input.expectations[root].label
        let label = input.expectations[index].label
        let traceID = input.record.exported[position].identity.traceID
        return Violation(
            invariant: name,
            message: "roots '\(other)' and '\(label)' share trace \(traceID)",
            expected: "'\(label)' starts its own trace", actual: "'\(label)' is in the trace of '\(other)'",
            labels: [other, label], mark: .wrongTrace)
    }
}
