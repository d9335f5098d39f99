import Testing
import TraceFuzz

/// The report suites, grouped under one name so `--filter Reports` selects them.
@Suite("Reports")
enum ReportsTests {}

/// Scenarios, runs and findings the report tests share.
enum ReportFixtures {
    /// A request fanned out over a pool with fresh capture, over two instances, then a flush.
    static let fanOut = Scenario(
        instances: [TracerInstanceConfig(), TracerInstanceConfig()],
        steps: [
            span(
                "request", instance: 0,
                hop(.pool, .fresh, [span("work-1", instance: 1)], [span("work-2", instance: 0)])),
            span("other-request", instance: 1),
            .flush(FlushStep(instance: 0)),
        ])

    /// An exported span with short, readable IDs: trace `t` padded to 32 hex digits, span `s` to 16.
    static func exported(
        _ label: String, trace: Int, span: Int, parent: Int? = nil, by instance: Int, session: Int? = -1
    ) -> ExportedSpan {
        ExportedSpan(
            label: label, identity: identity(trace: trace, span: span), parentSpanID: parent.map(spanID),
            exportedBy: instance, sessionInstance: session == -1 ? instance : session)
    }

    static func identity(trace: Int, span: Int) -> SpanIdentity {
        SpanIdentity(
            traceID: String(repeating: "0", count: 31) + String(trace, radix: 16), spanID: spanID(span))
    }

    static func spanID(_ span: Int) -> String { String(repeating: "0", count: 15) + String(span, radix: 16) }

    /// What `fanOut` gives when workers lose the context: each worker span is a root of its own trace.
    static var lostContextRecord: RunRecord {
        var record = RunRecord()
        record.exported = [
            exported("work-1", trace: 2, span: 2, by: 1),
            exported("work-2", trace: 3, span: 3, by: 0),
            exported("request", trace: 1, span: 1, by: 0),
            exported("other-request", trace: 4, span: 4, by: 1),
        ]
        for span in record.exported { record.observed[span.label] = span.identity }
        record.ended = record.exported.map(\.label)
        record.dropped = [0, 0]
        return record
    }

    /// The right-parent violations of `lostContextRecord`.
    static let lostContextViolations = ["work-1", "work-2"].map { label in
        Violation(
            invariant: "right-parent",
            message: "'\(label)' should be a child of 'request', but the context was lost: it is a root",
            expected: "'\(label)' is a child of 'request'", actual: "'\(label)' is a root", labels: [label],
            mark: .wrongParent)
    }

    /// A finding for a lost context, as if seed 0x2a had generated `fanOut`.
    static var lostContextFinding: Finding {
        Finding(
            seed: 0x2a, choices: nil, scenario: fanOut, violations: lostContextViolations,
            record: lostContextRecord)
    }
}
