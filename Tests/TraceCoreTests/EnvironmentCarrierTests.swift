import Testing
import TraceCore

@Suite("EnvironmentCarrier") struct EnvironmentCarrierTests {
    let context = SpanContext(
        traceID: TraceID(high: 0x4bf9_2f35_77b3_4da6, low: 0xa3ce_929d_0e0e_4736),
        spanID: SpanID(0x00f0_67aa_0ba9_02b7), flags: .sampled,
        traceState: TraceState(entries: [.init(key: "vendor", value: "x")]))

    @Test("a context written into a child's environment is read back there")
    func roundTrip() throws {
        var environment = ["PATH": "/usr/bin"]
        EnvironmentCarrier.inject(context, into: &environment)
        #expect(environment["TRACEPARENT"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        #expect(environment["TRACESTATE"] == "vendor=x")
        #expect(environment["PATH"] == "/usr/bin")
        let extracted = try #require(EnvironmentCarrier.extract(from: environment))
        #expect(extracted.traceID == context.traceID)
        #expect(extracted.spanID == context.spanID)
        #expect(extracted.traceState == context.traceState)
    }

    @Test("injecting no context removes stale variables copied from this process")
    func removesStale() {
        var environment = ["TRACEPARENT": "00-stale", "TRACESTATE": "a=1", "HOME": "/root"]
        EnvironmentCarrier.inject(nil, into: &environment)
        #expect(environment == ["HOME": "/root"])
        var noState = ["TRACESTATE": "a=1"]
        EnvironmentCarrier.inject(
            SpanContext(traceID: context.traceID, spanID: context.spanID), into: &noState)
        #expect(noState["TRACESTATE"] == nil)
        #expect(noState["TRACEPARENT"] != nil)
    }

    @Test("a bad TRACEPARENT keeps the existing context and is counted")
    func badVariable() {
        let propagator = W3CTraceContextPropagator()
        let extracted = EnvironmentCarrier.extract(
            from: ["TRACEPARENT": "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
            existing: context,
            propagator: propagator)
        #expect(extracted == context)
        #expect(propagator.rejectionCounts() == [.invalidVersion: 1])
        #expect(EnvironmentCarrier.extract(from: [:], existing: context, propagator: propagator) == context)
        #expect(propagator.rejectedCount == 1)
    }
}
