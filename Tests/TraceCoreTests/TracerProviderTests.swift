import Foundation
import Testing
import TraceCore

@Suite("TracerProvider") struct TracerProviderTests {
    @Test("spans nested across two providers: each exported only by its own, with its own session")
    func instanceIsolation() throws {
        let a = makeTracing(seed: 1, resource: Resource(attributes: ["service.name": "a"]))
        let b = makeTracing(seed: 2, resource: Resource(attributes: ["service.name": "b"]))
        a.provider.enrichSession(["session": "A"])
        b.provider.enrichSession(["session": "B"])
        a.provider.tracer("ta").withSpan("a-outer") { _ in
            b.provider.tracer("tb").withSpan("b-middle") { _ in
                a.provider.tracer("ta").withSpan("a-inner") { _ in }
            }
        }
        let aSpans = a.exporter.finishedSpans()
        let bSpans = b.exporter.finishedSpans()
        #expect(aSpans.map(\.name).sorted() == ["a-inner", "a-outer"])
        #expect(bSpans.map(\.name) == ["b-middle"])
        let outer = try #require(aSpans.named("a-outer"))
        let middle = try #require(bSpans.named("b-middle"))
        let inner = try #require(aSpans.named("a-inner"))
        #expect(middle.parentSpanID == outer.context.spanID)
        #expect(inner.parentSpanID == middle.context.spanID)
        #expect(Set([outer, middle, inner].map(\.context.traceID)).count == 1)
        #expect(aSpans.allSatisfy { $0.session == ["session": "A"] && $0.resource.serviceName == "a" })
        #expect(middle.session == ["session": "B"] && middle.resource.serviceName == "b")
    }

    @Test("instance isolation holds across a traced pool hop and an async hop")
    func isolationAcrossHops() async throws {
        let a = makeTracing(seed: 3)
        let b = makeTracing(seed: 4)
        let pool = TracedThreadPool(threads: 2)
        await a.provider.tracer("ta").withSpan("a-root") { _ in
            let handle = pool.submit { b.provider.tracer("tb").withSpan("b-pooled") { _ in } }
            _ = try? await handle.value
            await Task { a.provider.tracer("ta").withSpan("a-task") { _ in } }.value
        }
        pool.shutdown()
        let root = try #require(a.exporter.finishedSpans().named("a-root"))
        #expect(b.exporter.finishedSpans().map(\.name) == ["b-pooled"])
        #expect(b.exporter.finishedSpans().first?.parentSpanID == root.context.spanID)
        #expect(a.exporter.finishedSpans().named("a-task")?.parentSpanID == root.context.spanID)
    }

    @Test("enrichSession applies to spans started afterwards")
    func enrichSession() throws {
        let (provider, exporter) = makeTracing()
        provider.tracer("t").withSpan("before") { _ in }
        provider.enrichSession(["user": "u1"])
        provider.enrichSession(["tenant": "t1", "user": "u2"])
        provider.tracer("t").withSpan("after") { _ in }
        #expect(exporter.finishedSpans().named("before")?.session == [:])
        #expect(exporter.finishedSpans().named("after")?.session == ["tenant": "t1", "user": "u2"])
        #expect(provider.session == ["tenant": "t1", "user": "u2"])
    }

    @Test("shutdown is idempotent; spans ending later are dropped and counted")
    func shutdown() {
        let exporter = InMemorySpanExporter()
        let provider = TracerProvider(processors: [BatchSpanProcessor(exporter: exporter)])
        provider.tracer("t").withSpan("kept") { _ in }
        #expect(provider.shutdown(timeout: .seconds(30)) == .success)
        #expect(provider.shutdown(timeout: .seconds(30)) == .success)
        provider.tracer("t").withSpan("late-1") { _ in }
        provider.tracer("t").startSpan("late-2").end()
        #expect(exporter.finishedSpans().map(\.name) == ["kept"])
        #expect(provider.droppedSpanCount == 2)
        #expect(provider.forceFlush(timeout: .seconds(1)) == .failure)
    }

    @Test("a second shutdown during the first cannot claim success before the spans are exported")
    func concurrentShutdownWaits() {
        let exporter = RecordingExporter(blockFirstExport: true)
        let provider = TracerProvider(processors: [BatchSpanProcessor(exporter: exporter)])
        provider.tracer("t").withSpan("queued") { _ in }
        let first = Locked<FlushResult?>(nil)
        let firstDone = Gate()
        Thread {
            first.withLock { $0 = provider.shutdown(timeout: .seconds(30)) }
            firstDone.open()
        }.start()
        exporter.entered.wait()  // the first shutdown's drain is exporting "queued", held by the gate
        // The gate stays shut until this call returns, so it can only time out: never report success.
        #expect(provider.shutdown(timeout: .milliseconds(50)) == .timeout)
        exporter.release.open()
        firstDone.wait()
        #expect(first.withLock { $0 } == .success)
        #expect(provider.shutdown(timeout: .seconds(30)) == .success)
        #expect(exporter.names == ["queued"])
    }

    @Test("spans ending on 8 threads while the provider shuts down are all exported or counted")
    func shutdownRace() {
        for _ in 0..<10 {
            let exporter = InMemorySpanExporter()
            let provider = TracerProvider(
                processors: [
                    BatchSpanProcessor(
                        exporter: exporter, maxQueueSize: 128, maxExportBatchSize: 16,
                        scheduleDelay: .milliseconds(1))
                ])
            let tracer = provider.tracer("race")
            onThreads(9) { thread in
                if thread == 8 {
                    _ = provider.shutdown(timeout: .seconds(60))
                    return
                }
                for index in 0..<250 { tracer.withSpan("\(thread)-\(index)") { _ in } }
            }
            #expect(exporter.finishedSpans().count + provider.droppedSpanCount == 2000)
        }
    }

    @Test("a span ended twice is exported once")
    func endTwice() {
        let (provider, exporter) = makeTracing()
        let span = provider.tracer("t").startSpan("once")
        span.setAttribute("k", "v")
        span.end()
        span.end()
        span.setAttribute("ignored", true)
        #expect(span.isEnded)
        #expect(exporter.finishedSpans().map(\.name) == ["once"])
        #expect(exporter.finishedSpans().first?.attributes == ["k": "v"])
    }

    @Test("the in-memory exporter resets and refuses spans after shutdown")
    func inMemoryExporter() {
        let (provider, exporter) = makeTracing()
        provider.tracer("t").withSpan("a") { _ in }
        exporter.reset()
        #expect(exporter.finishedSpans().isEmpty)
        #expect(provider.shutdown(timeout: .seconds(5)) == .success)
        #expect(!exporter.export([spanData("x")]))
    }
}
