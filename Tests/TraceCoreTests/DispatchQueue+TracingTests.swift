import Dispatch
import Testing
import TraceCore

@Suite("DispatchQueue+Tracing") struct DispatchQueueTracingTests {
    @Test("tracedAsync runs the block under the submitter's context", arguments: [false, true])
    func tracedAsyncPropagates(concurrent: Bool) async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let queue =
            concurrent ? DispatchQueue(label: "c", attributes: .concurrent) : DispatchQueue(label: "s")
        let group = DispatchGroup()
        tracer.withSpan("parent") { _ in
            for index in 0..<8 {
                queue.tracedAsync(group: group) { tracer.withSpan("block-\(index)") { _ in } }
            }
        }
        await waitAsync(group)
        let spans = exporter.finishedSpans()
        let parent = try #require(spans.named("parent"))
        for index in 0..<8 {
            #expect(spans.named("block-\(index)")?.parentSpanID == parent.context.spanID)
        }
    }

    @Test("tracedAsync without a group and tracedAsyncAfter also carry the context")
    func tracedVariants() async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let queue = DispatchQueue(label: "variants")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            tracer.withSpan("parent") { _ in
                queue.tracedAsync { tracer.withSpan("plain") { _ in } }
                queue.tracedAsyncAfter(deadline: .now()) {
                    tracer.withSpan("after") { _ in }
                    continuation.resume()
                }
            }
        }
        let spans = exporter.finishedSpans()
        let parentID = try #require(spans.named("parent")).context.spanID
        #expect(spans.named("plain")?.parentSpanID == parentID)
        #expect(spans.named("after")?.parentSpanID == parentID)
    }

    @Test("raw DispatchQueue.async under a span gives a root, not a stale parent")
    func rawAsyncGivesRoot() async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let queue = DispatchQueue(label: "raw")
        let group = DispatchGroup()
        tracer.withSpan("first") { _ in queue.tracedAsync(group: group) { tracer.withSpan("traced") { _ in } }
        }
        tracer.withSpan("second") { _ in queue.async(group: group) { tracer.withSpan("raw") { _ in } } }
        await waitAsync(group)
        let spans = exporter.finishedSpans()
        let raw = try #require(spans.named("raw"))
        #expect(raw.parentSpanID == nil)
        #expect(!spans.filter { $0.name != "raw" }.map(\.context.traceID).contains(raw.context.traceID))
    }
}
