import Testing
import TraceCore

@Suite("TracedThreadPool") struct TracedThreadPoolTests {
    @Test("a task's span is a child of the span that submitted it", arguments: [1, 4])
    func propagates(threads: Int) throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let pool = TracedThreadPool(threads: threads)
        defer { pool.shutdown() }
        try tracer.withSpan("parent") { _ in
            try pool.submit { tracer.withSpan("task") { _ in } }.wait()
        }
        let spans = exporter.finishedSpans()
        #expect(spans.named("task")?.parentSpanID == spans.named("parent")?.context.spanID)
    }

    @Test("each submit captures its own context: interleaved submitters never swap parents")
    func capturePerSubmit() throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let pool = TracedThreadPool(threads: 4)
        var handles: [WorkHandle<Void>] = []
        for request in 0..<20 {
            tracer.withSpan("request-\(request)") { _ in
                for task in 0..<5 {
                    handles.append(pool.submit { tracer.withSpan("task-\(request)-\(task)") { _ in } })
                }
            }
        }
        for handle in handles { try handle.wait() }
        pool.shutdown()
        let spans = exporter.finishedSpans()
        for request in 0..<20 {
            let parent = try #require(spans.named("request-\(request)"))
            for task in 0..<5 {
                let child = try #require(spans.named("task-\(request)-\(task)"))
                #expect(child.parentSpanID == parent.context.spanID)
                #expect(child.context.traceID == parent.context.traceID)
            }
        }
    }

    @Test("a task submitted with no context runs with none, even after a task that had one")
    func noStaleParent() throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        let pool = TracedThreadPool(threads: 1)
        defer { pool.shutdown() }
        try tracer.withSpan("parent") { _ in try pool.submit {}.wait() }
        try pool.submit { tracer.withSpan("later") { _ in } }.wait()
        #expect(exporter.finishedSpans().named("later")?.parentSpanID == nil)
    }

    @Test("tasks rejected after shutdown fail their handles")
    func rejectsAfterShutdown() {
        let pool = TracedThreadPool(threads: 2)
        pool.shutdown(.rejectNew)
        #expect(throws: ThreadPoolError.rejected) { try pool.submit { 1 }.wait() }
        #expect(pool.rejectedCount == 1)
        #expect(pool.isShutdown)
        #expect(pool.threadCount == 2)
    }
}

extension ContextDiagnosticsDependentTests {
    @Suite("TracedThreadPool cleanup") struct TracedThreadPoolCleanupTests {
        @Test("a context a task leaves attached is cleared and counted before the next task")
        func clearsLeakedAttachment() throws {
            let (provider, _) = makeTracing()
            let leaked = provider.tracer("test").startSpan("leaked", parent: nil).context
            let before = ContextDiagnostics.shared.snapshot()
            let pool = TracedThreadPool(threads: 1)
            try pool.submit { _ = TraceContext.attach(leaked) }.wait()
            let seen = try pool.submit { (TraceContext.current, TraceContext.attachedCount) }.wait()
            pool.shutdown()
            #expect(seen.0 == nil)
            #expect(seen.1 == 0)
            #expect(ContextDiagnostics.shared.snapshot().since(before).counts == [.leftAttached: 1])
        }

        @Test("the raw pool keeps a leaked attachment: the next task inherits a stale parent")
        func rawPoolLeaks() throws {
            let (provider, _) = makeTracing()
            let leaked = provider.tracer("test").startSpan("leaked", parent: nil).context
            let pool = ThreadPool(threads: 1)
            let token = try pool.submit { TraceContext.attach(leaked) }.wait()
            let seen = try pool.submit { TraceContext.current }.wait()
            #expect(seen == leaked)
            #expect(try pool.submit { TraceContext.detach(token) }.wait() == nil)
            pool.shutdown()
        }
    }
}
