import Testing
import TraceCore

@Suite("IDGenerator") struct IDGeneratorTests {
    @Test("a seeded generator repeats its sequence", arguments: [0, 1, 42, UInt64.max])
    func seededRepeatable(seed: UInt64) {
        let first = CounterIDGenerator(seed: seed)
        let second = CounterIDGenerator(seed: seed)
        for _ in 0..<1000 {
            #expect(first.nextTraceID() == second.nextTraceID())
            #expect(first.nextSpanID() == second.nextSpanID())
        }
    }

    @Test("different seeds give different sequences")
    func seedsDiffer() {
        let first = CounterIDGenerator(seed: 1)
        let second = CounterIDGenerator(seed: 2)
        #expect((0..<10).map { _ in first.nextSpanID() } != (0..<10).map { _ in second.nextSpanID() })
    }

    @Test("seeded providers give the same IDs run to run")
    func seededProviders() {
        func ids() -> [SpanContext] {
            let (provider, exporter) = makeTracing(seed: 7)
            provider.tracer("t").withSpan("a") { _ in provider.tracer("t").withSpan("b") { _ in } }
            return exporter.finishedSpans().map(\.context)
        }
        #expect(ids() == ids())
    }

    @Test("the default generator never repeats or returns zero across 8 threads")
    func uniqueUnderConcurrency() {
        let generator = CounterIDGenerator.random()
        let spanIDs = Locked<[SpanID]>([])
        let traceIDs = Locked<[TraceID]>([])
        onThreads(8) { _ in
            var spans: [SpanID] = []
            var traces: [TraceID] = []
            for _ in 0..<20_000 {
                spans.append(generator.nextSpanID())
                traces.append(generator.nextTraceID())
            }
            spanIDs.withLock { $0 += spans }
            traceIDs.withLock { $0 += traces }
        }
        #expect(Set(spanIDs.value).count == 160_000)
        #expect(Set(traceIDs.value).count == 160_000)
        #expect(spanIDs.value.allSatisfy { $0.isValid })
        #expect(traceIDs.value.allSatisfy { $0.isValid })
    }

    @Test("hex forms are lowercase, fixed width, and parse back")
    func hexRoundTrip() {
        let trace = TraceID(high: 0xab, low: 0x1)
        #expect(trace.hexString == "00000000000000ab0000000000000001")
        #expect(TraceID(hexString: trace.hexString) == trace)
        #expect(SpanID(hexString: "00000000000000AB") == nil)
        #expect(SpanID(hexString: SpanID(0xab).hexString) == SpanID(0xab))
    }
}
