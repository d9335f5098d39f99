import Testing
import TraceCore

@Suite("W3CTraceContextPropagator") struct W3CTraceContextPropagatorTests {
    static let trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let parent = "00f067aa0ba902b7"
    static let valid = "00-\(trace)-\(parent)-01"

    struct Valid: Sendable, CustomTestStringConvertible {
        let header: String
        let flags: TraceFlags
        var testDescription: String { header }
    }

    @Test(
        "valid traceparent values are accepted, keeping only known flag bits",
        arguments: [
            Valid(header: "00-\(trace)-\(parent)-01", flags: .sampled),
            Valid(header: "00-\(trace)-\(parent)-00", flags: []),
            Valid(header: "00-\(trace)-\(parent)-02", flags: .randomTraceID),
            Valid(header: "00-\(trace)-\(parent)-03", flags: [.sampled, .randomTraceID]),
            Valid(header: "00-\(trace)-\(parent)-ff", flags: [.sampled, .randomTraceID]),
            Valid(header: "00-\(trace)-\(parent)-08", flags: []),
            Valid(header: "cc-\(trace)-\(parent)-01", flags: .sampled),
            Valid(header: "cc-\(trace)-\(parent)-01-what-the-future-will-be-like", flags: .sampled),
            Valid(header: "01-\(trace)-\(parent)-09-", flags: .sampled),
            Valid(header: " \t00-\(trace)-\(parent)-01 ", flags: .sampled),
        ])
    func validTraceparent(vector: Valid) throws {
        let context = try W3CTraceContextPropagator.parseTraceparent(vector.header).get()
        #expect(context.traceID.hexString == Self.trace)
        #expect(context.spanID.hexString == Self.parent)
        #expect(context.flags == vector.flags)
        #expect(context.isRemote)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let header: String
        let reason: W3CRejection
        var testDescription: String { "\(reason): \(header)" }
    }

    @Test(
        "invalid traceparent values are rejected with their reason",
        arguments: [
            Invalid(header: "00-4BF92F3577B34DA6A3CE929D0E0E4736-\(parent)-01", reason: .badHex),
            Invalid(header: "00-\(trace)-00F067AA0BA902B7-01", reason: .badHex),
            Invalid(header: "0A-\(trace)-\(parent)-01", reason: .badHex),
            Invalid(header: "00-\(trace)-\(parent)-0A", reason: .badHex),
            Invalid(header: "00-4bf92f3577b34da6a3ce929d0e0e473g-\(parent)-01", reason: .badHex),
            Invalid(header: "00-\(trace)-\(parent)-+1", reason: .badHex),
            Invalid(header: "ff-\(trace)-\(parent)-01", reason: .invalidVersion),
            Invalid(header: "00-00000000000000000000000000000000-\(parent)-01", reason: .zeroTraceID),
            Invalid(header: "00-\(trace)-0000000000000000-01", reason: .zeroParentID),
            Invalid(header: "00-4bf92f3577b34da6a3ce929d0e0e473-\(parent)-01", reason: .wrongLength),
            Invalid(header: "00-\(trace)-00f067aa0ba902b-01", reason: .wrongLength),
            Invalid(header: "00-\(trace)-\(parent)-1", reason: .wrongLength),
            Invalid(header: "00-\(trace)-\(parent)0-01", reason: .wrongLength),
            Invalid(header: "00-\(trace)-\(parent)-01-", reason: .wrongLength),
            Invalid(header: "00-\(trace)-\(parent)-01-extra", reason: .wrongLength),
            Invalid(header: "", reason: .wrongLength),
            Invalid(header: "00_\(trace)_\(parent)_01", reason: .badSeparator),
            Invalid(header: "00-\(trace)-\(parent)_01", reason: .badSeparator),
            Invalid(header: "cc-\(trace)-\(parent)-01.future", reason: .badSeparator),
            Invalid(header: "00-\(trace).\(parent)-01", reason: .badSeparator),
        ])
    func invalidTraceparent(vector: Invalid) {
        #expect(throws: vector.reason) { try W3CTraceContextPropagator.parseTraceparent(vector.header).get() }
        let propagator = W3CTraceContextPropagator()
        let existing = SpanContext(traceID: TraceID(high: 1, low: 2), spanID: SpanID(3))
        let extracted = propagator.extract(
            from: ["traceparent": vector.header, "tracestate": "a=1"], existing: existing)
        #expect(extracted == existing)
        #expect(propagator.rejectionCounts() == [vector.reason: 1])
    }

    @Test("inject then extract round-trips trace, span, flags and trace state")
    func roundTrip() throws {
        let propagator = W3CTraceContextPropagator()
        let state = try #require(TraceState(headerValue: "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"))
        let context = SpanContext(
            traceID: TraceID(high: 0x4bf9_2f35_77b3_4da6, low: 0xa3ce_929d_0e0e_4736),
            spanID: SpanID(0x00f0_67aa_0ba9_02b7), flags: .sampled, traceState: state)
        var headers: [String: String] = [:]
        propagator.inject(context, into: &headers)
        #expect(
            headers == ["traceparent": Self.valid, "tracestate": "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"])
        let extracted = try #require(propagator.extract(from: headers))
        #expect(extracted.traceID == context.traceID)
        #expect(extracted.spanID == context.spanID)
        #expect(extracted.traceState == state)
        #expect(extracted.isRemote)
        #expect(propagator.rejectedCount == 0)
    }

    @Test("inject drops unknown flag bits, replaces other spellings, and skips a missing context")
    func injectDetails() {
        let propagator = W3CTraceContextPropagator()
        let context = SpanContext(
            traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), flags: TraceFlags(rawValue: 0xf1))
        var headers = ["TraceParent": "stale", "X-Other": "kept"]
        propagator.inject(context, into: &headers)
        #expect(
            headers == [
                "traceparent": "00-00000000000000010000000000000002-0000000000000003-01", "X-Other": "kept",
            ])
        var untouched = ["traceparent": "keep"]
        propagator.inject(nil, into: &untouched)
        propagator.inject(SpanContext(traceID: .invalid, spanID: SpanID(1)), into: &untouched)
        #expect(untouched == ["traceparent": "keep"])
    }

    @Test(
        "header names are matched case-insensitively",
        arguments: ["traceparent", "TraceParent", "TRACEPARENT"])
    func caseInsensitive(name: String) throws {
        let propagator = W3CTraceContextPropagator()
        let extracted = try #require(propagator.extract(from: [name: Self.valid, "TraceState": "a=1"]))
        #expect(extracted.spanID.hexString == Self.parent)
        #expect(extracted.traceState["a"] == "1")
    }

    @Test("spellings of one header with different values are rejected")
    func conflictingSpellings() {
        let propagator = W3CTraceContextPropagator()
        let other = "00-\(Self.trace)-1111111111111111-01"
        #expect(propagator.extract(from: ["traceparent": Self.valid, "Traceparent": other]) == nil)
        #expect(propagator.rejectionCounts() == [.conflictingHeaders: 1])
        let same = propagator.extract(from: ["traceparent": Self.valid, "Traceparent": Self.valid])
        #expect(same?.spanID.hexString == Self.parent)
    }

    @Test("a missing traceparent keeps the existing context and is not a rejection")
    func missingHeader() {
        let propagator = W3CTraceContextPropagator()
        let existing = SpanContext(traceID: TraceID(high: 1, low: 2), spanID: SpanID(3))
        #expect(propagator.extract(from: ["tracestate": "a=1"], existing: existing) == existing)
        #expect(propagator.extract(from: [:]) == nil)
        #expect(propagator.rejectedCount == 0)
    }

    @Test("a bad tracestate is dropped and counted; the traceparent still applies")
    func badTracestateAlone() throws {
        let propagator = W3CTraceContextPropagator()
        let members = (0..<33).map { "k\($0)=v" }.joined(separator: ",")
        let extracted = try #require(
            propagator.extract(from: ["traceparent": Self.valid, "tracestate": members]))
        #expect(extracted.spanID.hexString == Self.parent)
        #expect(extracted.traceState.isEmpty)
        #expect(propagator.rejectionCounts() == [.tooManyTracestateMembers: 1])
        _ = propagator.extract(from: ["traceparent": Self.valid, "tracestate": "A=1"])
        #expect(propagator.rejectionCounts()[.malformedTracestate] == 1)
        propagator.resetCounts()
        #expect(propagator.rejectedCount == 0)
    }

    @Test("a span started under an extracted context joins the remote trace")
    func remoteParent() throws {
        let (provider, exporter) = makeTracing()
        let remote = W3CTraceContextPropagator().extract(from: ["traceparent": Self.valid])
        TraceContext.withContext(remote) { provider.tracer("test").withSpan("server") { _ in } }
        let span = try #require(exporter.finishedSpans().named("server"))
        #expect(span.context.traceID.hexString == Self.trace)
        #expect(span.parentSpanID?.hexString == Self.parent)
        #expect(!span.context.isRemote)
    }

    @Test("rejections are counted exactly from many threads at once")
    func concurrentCounting() {
        let propagator = W3CTraceContextPropagator()
        onThreads(8) { _ in
            for _ in 0..<100 { _ = propagator.extract(from: ["traceparent": "garbage"]) }
        }
        #expect(propagator.rejectionCounts() == [.wrongLength: 800])
    }
}
