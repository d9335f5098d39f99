/// What the invariants read: the scenario, the oracle's expectations and the run's record, indexed once
/// into flat arrays so each invariant is a scan, not a string lookup per span.
///
/// Expectations are addressed by their position in ``expectations``, exported spans by their position in
/// `record.exported`; invariants read fields through positions (``isChild(_:ofExpectation:)``,
/// ``shareTrace(_:_:)``) rather than copying spans and expectations, which would retain their strings.
/// Labels and span IDs are hashed as ``StringTable`` hashes them (ASCII bytes), not with `Hasher`.
/// The string-keyed helpers (``exports(of:)``, ``label(ofSpanID:)``, ``describe(spanID:)``) serve
/// messages and reports.
public struct CheckInput: Sendable {
    /// The scenario that ran.
    public let scenario: Scenario
    /// The oracle's expectation for every span.
    public let expectations: [SpanExpectation]
    /// What the run observed.
    public let record: RunRecord
    /// For each expectation, the position in `record.exported` of its first export, or -1.
    public let firstExport: [Int]
    /// For each expectation, how many times it was exported.
    public let exportCount: [Int]
    /// Pairs of exported spans (positions in `record.exported`) with different labels and the same span ID.
    public let sharedSpanIDs: [(Int, Int)]
    /// Expectation labels, numbered; `expectationOfLabel[number]` is the position of that label.
    private let labels: StringTable
    private let expectationOfLabel: [Int]

    /// The position in ``expectations`` of each label (built on each access; prefer
    /// ``expectation(labeled:)``).
    public var expectationIndex: [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(labels.count)
        for (number, label) in labels.keys.enumerated() { index[label] = expectationOfLabel[number] }
        return index
    }

    /// Indexes a run for checking.
    public init(scenario: Scenario, expectations: [SpanExpectation], record: RunRecord) {
        self.scenario = scenario
        self.expectations = expectations
        self.record = record
        var labels = StringTable(capacity: expectations.count)
        var expectationOfLabel: [Int] = []
        expectationOfLabel.reserveCapacity(expectations.count)
        for position in expectations.indices {
            let (number, inserted) = labels.insert(expectations[position].label)
            if inserted { expectationOfLabel.append(position) } else { expectationOfLabel[number] = position }
        }
        // Indexing reads one field at a time; iterating would copy every span (five strings).
        let exported = record.exported
        var first = [Int](repeating: -1, count: expectations.count)
        var count = [Int](repeating: 0, count: expectations.count)
        for position in exported.indices {
            if let number = labels.number(of: exported[position].label) {
                let expectation = expectationOfLabel[number]
                if first[expectation] < 0 { first[expectation] = position }
                count[expectation] += 1
            }
        }
        self.labels = labels
        self.expectationOfLabel = expectationOfLabel
        self.firstExport = first
        self.exportCount = count
        let shared = Self.spansSharingIDs(exported)
        // IDs unique only per tracer object say nothing when two tracers hand out the same one.
        self.sharedSpanIDs =
            record.capabilities.idUniqueness == .global
            ? shared : shared.filter { Self.sameTracer(exported[$0.0], exported[$0.1]) }
    }

    /// Whether two exported spans were made by the same tracer object: the same instance, in the same
    /// process.
    static func sameTracer(_ one: ExportedSpan, _ other: ExportedSpan) -> Bool {
        one.exportedBy == other.exportedBy && one.origin == other.origin
    }

    /// The position in ``expectations`` of a label, if the oracle expects it.
    public func expectation(labeled label: String) -> Int? {
        labels.number(of: label).map { expectationOfLabel[$0] }
    }

    /// Whether the span exported at `position` names as its parent the span ID of the first export of
    /// expectation `parentIndex`. `false` also when that expectation was never exported: then compare
    /// with ``spanID(ofExpectation:)``.
    @inline(__always)
    public func isChild(_ position: Int, ofExpectation parentIndex: Int) -> Bool {
        let parentPosition = firstExport[parentIndex]
        guard parentPosition >= 0, let parent = record.exported[position].parentSpanID else { return false }
        return parent == record.exported[parentPosition].identity.spanID
    }

    /// Whether the spans exported at `position` and `other` have the same trace ID.
    @inline(__always)
    public func shareTrace(_ position: Int, _ other: Int) -> Bool {
        record.exported[position].identity.traceID == record.exported[other].identity.traceID
    }

    /// The first export of expectation `index`, if any.
    @inline(__always)
    public func firstExportedSpan(_ index: Int) -> ExportedSpan? {
        let position = firstExport[index]
        return position < 0 ? nil : record.exported[position]
    }

    /// Every export of a label (usually zero or one).
    public func exports(of label: String) -> [ExportedSpan] {
        guard let index = expectation(labeled: label), exportCount[index] > 0 else {
            return record.exported.filter { $0.label == label }
        }
        if exportCount[index] == 1 { return [record.exported[firstExport[index]]] }
        return record.exported.filter { $0.label == label }
    }

    /// Whether expectation `index` was exported by `instance`.
    public func isExported(_ index: Int, by instance: Int) -> Bool {
        switch exportCount[index] {
        case 0: return false
        case 1: return record.exported[firstExport[index]].exportedBy == instance
        default:
            let label = expectations[index].label
            return record.exported.contains { $0.label == label && $0.exportedBy == instance }
        }
    }

    /// The identity of expectation `index`: as exported, or else as seen from inside it while it ran.
    public func identity(ofExpectation index: Int) -> SpanIdentity? {
        let position = firstExport[index]
        if position >= 0 { return record.exported[position].identity }
        return record.observed[expectations[index].label]
    }

    /// The span ID of expectation `index`: as exported, or else as seen from inside it while it ran.
    @inline(__always)
    public func spanID(ofExpectation index: Int) -> String? {
        let position = firstExport[index]
        if position >= 0 { return record.exported[position].identity.spanID }
        return record.observed[expectations[index].label]?.spanID
    }

    /// The trace ID of expectation `index`: as exported, or else as seen from inside it while it ran.
    @inline(__always)
    public func traceID(ofExpectation index: Int) -> String? {
        let position = firstExport[index]
        if position >= 0 { return record.exported[position].identity.traceID }
        return record.observed[expectations[index].label]?.traceID
    }

    /// The identity of a span: as exported, or else as seen from inside it while it ran.
    public func identity(of label: String) -> SpanIdentity? {
        if let index = expectation(labeled: label) { return identity(ofExpectation: index) }
        return record.exported.first { $0.label == label }?.identity ?? record.observed[label]
    }

    /// The label of the span with a span ID, exported or observed, if known.
    public func label(ofSpanID spanID: String) -> String? {
        if let span = record.exported.first(where: { $0.identity.spanID == spanID }) { return span.label }
        return record.observed.first { $0.value.spanID == spanID }?.key
    }

    /// A span ID as a label where one is known: `'s3'`, else the ID itself.
    public func describe(spanID: String?) -> String {
        guard let spanID else { return "none (a root)" }
        if let label = label(ofSpanID: spanID) { return "'\(label)'" }
        return "an unknown span \(spanID)"
    }
}
