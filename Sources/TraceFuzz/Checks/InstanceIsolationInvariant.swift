/// A span is exported only by the instance that made it, and carries that instance's session, even
/// when its parent belongs to another instance.
public struct InstanceIsolationInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `instance-isolation`.
    public var name: String { "instance-isolation" }

    /// Compares exporting instance and session with the span's own instance.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        // Fields are read through positions: copying an expectation would retain its strings.
        for index in input.expectations.indices where input.exportCount[index] > 0 {
            if input.exportCount[index] == 1 {
                let position = input.firstExport[index]
                let instance = input.expectations[index].instance
                let exportedBy = input.record.exported[position].exportedBy
                let session = input.record.exported[position].sessionInstance
                if exportedBy == instance && (session == instance || !input.record.capabilities.sessions) { continue }
            }
            let expectation = input.expectations[index]
            for span in input.exports(of: expectation.label) {
                if span.exportedBy != expectation.instance {
                    violations.append(
                        Violation(
                            invariant: name,
                            message:
                                "'\(expectation.label)' was made by instance \(expectation.instance) but exported by "
                                + "instance \(span.exportedBy)",
                            expected: "exported by instance \(expectation.instance)",
                            actual: "exported by instance \(span.exportedBy)", labels: [expectation.label],
                            mark: .wrongInstance))
                } else if span.sessionInstance != expectation.instance && input.record.capabilities.sessions {
                    let actual = span.sessionInstance.map { "the session of instance \($0)" } ?? "no session"
                    violations.append(
                        Violation(
                            invariant: name,
                            message:
                                "'\(expectation.label)' was made by instance \(expectation.instance) but carries \(actual)",
                            expected: "the session of instance \(expectation.instance)", actual: actual,
                            labels: [expectation.label], mark: .wrongInstance))
                }
            }
        }
        return violations
    }
}
