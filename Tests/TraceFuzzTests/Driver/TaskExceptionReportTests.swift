import Testing
@testable import TraceFuzz

@Suite("none-lost names the exception that killed a task")
struct TaskExceptionReportTests {
    static let scenario = Scenario(steps: [
        .span(SpanStep(label: "request", children: [
            .hop(HopStep(executor: .pool, strategy: .shared, tasks: [[.span(SpanStep(label: "w1"))], [.span(SpanStep(label: "w2"))]]))
        ]))
    ])

    static func record(exceptions: [TaskException]) -> RunRecord {
        var record = RunRecord()
        record.ended = ["w1", "request"]
        record.exported = ["request", "w1"].map {
            ExportedSpan(
                label: $0, identity: SpanIdentity(traceID: "t", spanID: $0), parentSpanID: $0 == "w1" ? "request" : nil,
                exportedBy: 0, sessionInstance: 0)
        }
        record.dropped = [0]
        record.flushes = [
            FlushObservation(
                index: 0, instance: 0, endedBefore: ["w1", "request"], exportedAfter: ["w1", "request"],
                droppedAfter: 0, outcome: .success)
        ]
        record.exceptions = exceptions
        return record
    }

    @Test("the lost span's task raised: the message says what, where")
    func named() {
        let raised = TaskException(
            site: "h1.t1 pool/shared", exceptionType: "RuntimeError",
            message: "cannot enter context: <Context> is already entered", where: "task")
        let violations = Checker().check(Self.scenario, record: Self.record(exceptions: [raised])).violations
        #expect(violations.map(\.invariant) == ["none-lost"])
        #expect(violations.first?.message.hasSuffix("; h1.t1 pool/shared raised RuntimeError: cannot enter context: <Context> is already entered") == true)
    }

    @Test("without an exception the loss is still reported, naming none")
    func unnamed() {
        let violations = Checker().check(Self.scenario, record: Self.record(exceptions: [])).violations
        #expect(violations.first?.message.contains("never ended (their task died or never ran): 'w2'") == true)
        #expect(violations.first?.message.contains("raised") == false)
    }
}
