import Foundation
import Testing
import TraceCore

@Suite("OperationQueue+Tracing") struct OperationQueueTracingTests {
    private func run(traced: Bool) async throws -> (parent: SpanData, children: [SpanData]) {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 3
        let group = DispatchGroup()
        tracer.withSpan("parent") { _ in
            for index in 0..<6 {
                group.enter()
                let block: @Sendable () -> Void = {
                    tracer.withSpan("operation-\(index)") { _ in }
                    group.leave()
                }
                if traced { queue.addTracedOperation(block) } else { queue.addOperation(block) }
            }
        }
        await waitAsync(group)
        let spans = exporter.finishedSpans()
        return (try #require(spans.named("parent")), spans.filter { $0.name.hasPrefix("operation-") })
    }

    @Test("addTracedOperation runs every operation under the submitter's context")
    func tracedOperations() async throws {
        let (parent, children) = try await run(traced: true)
        #expect(children.count == 6)
        #expect(children.allSatisfy { $0.parentSpanID == parent.context.spanID })
    }

    @Test("raw addOperation under a span gives roots")
    func rawOperations() async throws {
        let (parent, children) = try await run(traced: false)
        #expect(children.count == 6)
        #expect(
            children.allSatisfy { $0.parentSpanID == nil && $0.context.traceID != parent.context.traceID })
    }
}
