import Foundation
import Testing
import TraceCore

@Suite("Thread+Tracing") struct ThreadTracingTests {
    @Test("Thread helpers carry the context; a raw thread starts a root", arguments: [true, false])
    func threads(traced: Bool) async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let group = DispatchGroup()
        tracer.withSpan("parent") { _ in
            for index in 0..<2 {
                group.enter()
                let block: @Sendable () -> Void = {
                    tracer.withSpan("thread-\(index)") { _ in }
                    group.leave()
                }
                switch (traced, index) {
                case (true, 0): Thread.tracedDetach(block)
                case (true, _): Thread.traced(block).start()
                case (false, 0): Thread.detachNewThread(block)
                case (false, _): Thread(block: block).start()
                }
            }
        }
        await waitAsync(group)
        let spans = exporter.finishedSpans()
        let parent = try #require(spans.named("parent"))
        let children = spans.filter { $0.name.hasPrefix("thread-") }
        #expect(children.count == 2)
        for child in children {
            #expect(child.parentSpanID == (traced ? parent.context.spanID : nil))
        }
    }
}
