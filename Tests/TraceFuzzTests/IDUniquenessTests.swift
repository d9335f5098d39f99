import Testing
import TraceFuzz

/// A tracer whose IDs are unique only per tracer object (an incrementing counter per instance, restarted
/// in every child process) is not blamed when two tracers hand out the same ID; a tracer that promises
/// unique IDs still is.
@Suite("ID uniqueness scope")
struct IDUniquenessTests {
    /// Two roots, one per instance, and a child of the first made by the second instance.
    static let scenario = Scenario(
        instances: [TracerInstanceConfig(), TracerInstanceConfig()],
        steps: [
            .span(SpanStep(label: "a", instance: 0, children: [.span(SpanStep(label: "a1", instance: 1))])),
            .span(SpanStep(label: "b", instance: 1)),
        ])

    /// What counters per tracer object hand out: instance 1 numbers its own root 1, as instance 0 did.
    static func record(_ uniqueness: TracerCapabilities.IDUniqueness, childOrigin: String? = nil) -> RunRecord {
        var record = RunRecord()
        record.capabilities.idUniqueness = uniqueness
        let spans = [
            ExportedSpan(
                label: "a", identity: SpanIdentity(traceID: "1", spanID: "1"), parentSpanID: nil, exportedBy: 0,
                sessionInstance: 0),
            ExportedSpan(
                label: "a1", identity: SpanIdentity(traceID: "1", spanID: "2"), parentSpanID: "1", exportedBy: 1,
                sessionInstance: 1, origin: childOrigin),
            ExportedSpan(
                label: "b", identity: SpanIdentity(traceID: "1", spanID: "1"), parentSpanID: nil, exportedBy: 1,
                sessionInstance: 1, origin: childOrigin),
        ]
        record.exported = spans
        record.ended = ["a1", "a", "b"]
        record.dropped = [0, 0]
        for span in spans { record.observed[span.label] = span.identity }
        return record
    }

    @Test("IDs promised unique everywhere: a shared span ID and roots sharing a trace are findings")
    func globalScopeFires() {
        let invariants = Set(Checker().check(Self.scenario, record: Self.record(.global)).violations.map(\.invariant))
        #expect(invariants.contains("no-duplicates"))
        #expect(invariants.contains("right-trace"))
    }

    @Test("IDs unique per tracer: the same IDs from two tracers are no finding")
    func perTracerScopeIsQuiet() {
        let result = Checker().check(Self.scenario, record: Self.record(.perTracer))
        #expect(result.violations.isEmpty, "\(result.violations.map(\.message))")
    }

    @Test("IDs unique per tracer: the same instance in a child process is another tracer")
    func childProcessIsAnotherTracer() {
        var record = Self.record(.perTracer, childOrigin: "h1.t0 process/fresh")
        // In the child, instance 0 hands out the parent's instance-0 IDs again.
        record.exported[2].exportedBy = 0
        record.exported[2].sessionInstance = 0
        record.capabilities.sessions = false
        let result = Checker().check(Self.scenario, record: record)
        #expect(!result.violations.contains { $0.invariant == "no-duplicates" || $0.invariant == "right-trace" })
    }

    @Test("IDs unique per tracer: two spans of one tracer sharing an ID are still a finding")
    func perTracerStillFindsRealDuplicates() {
        var record = Self.record(.perTracer)
        record.exported[1].identity.spanID = "1"
        record.exported[1].exportedBy = 0
        record.exported[1].sessionInstance = 0
        let invariants = Set(Checker().check(Self.scenario, record: record).violations.map(\.invariant))
        #expect(invariants.contains("no-duplicates"))
    }
}
