/// What the invariants read: the scenario, the oracle's expectations and the run's record, indexed.
public struct CheckInput: Sendable {
    /// The scenario that ran.
    public let scenario: Scenario
    /// The oracle's expectation for every span.
    public let expectations: [SpanExpectation]
    /// What the run observed.
    public let record: RunRecord
    /// Exported spans by label (more than one means duplicates).
    public let exportedByLabel: [String: [ExportedSpan]]
    /// Span labels by exported span ID.
    public let labelBySpanID: [String: String]

    /// Indexes a run for checking.
    public init(scenario: Scenario, expectations: [SpanExpectation], record: RunRecord) {
        self.scenario = scenario
        self.expectations = expectations
        self.record = record
        var byLabel: [String: [ExportedSpan]] = [:]
        byLabel.reserveCapacity(record.exported.count)
        var bySpanID: [String: String] = [:]
        bySpanID.reserveCapacity(record.exported.count + record.observed.count)
        for (label, identity) in record.observed { bySpanID[identity.spanID] = label }
        for span in record.exported {
            byLabel[span.label, default: []].append(span)
            bySpanID[span.identity.spanID] = span.label
        }
        self.exportedByLabel = byLabel
        self.labelBySpanID = bySpanID
    }

    /// The identity of a span: as exported, or else as seen from inside it while it ran.
    public func identity(of label: String) -> SpanIdentity? {
        exportedByLabel[label]?.first?.identity ?? record.observed[label]
    }

    /// A span ID as a label where one is known: `'s3'`, else the ID itself.
    public func describe(spanID: String?) -> String {
        guard let spanID else { return "none (a root)" }
        if let label = labelBySpanID[spanID] { return "'\(label)'" }
        return "an unknown span \(spanID)"
    }
}
