import Testing
import TraceCore

extension ContextDiagnosticsDependentTests {
    @Suite("ContextToken") struct ContextTokenTests {
        let tracing = makeTracing()
        var provider: TracerProvider { tracing.provider }
        var exporter: InMemorySpanExporter { tracing.exporter }

        private func context(_ name: String) -> SpanContext {
            let span = provider.tracer("test").startSpan(name, parent: nil)
            span.end()
            return span.context
        }

        @Test("attach makes a context current until detach")
        func attachAndDetach() {
            let a = context("a")
            let token = TraceContext.attach(a)
            #expect(TraceContext.current == a)
            #expect(TraceContext.attachedCount == 1)
            #expect(TraceContext.detach(token) == nil)
            #expect(TraceContext.current == nil)
            #expect(TraceContext.attachedCount == 0)
        }

        @Test("nested attaches detach in reverse order back to the start")
        func nestedAttaches() {
            let a = context("a")
            let b = context("b")
            let tokenA = TraceContext.attach(a)
            let tokenB = TraceContext.attach(b)
            #expect(TraceContext.current == b)
            #expect(TraceContext.detach(tokenB) == nil)
            #expect(TraceContext.current == a)
            #expect(TraceContext.detach(tokenA) == nil)
            #expect(TraceContext.current == nil)
        }

        @Test("the more recent of the task-local binding and the attached context wins")
        func mostRecentWins() {
            let a = context("a")
            let b = context("b")
            TraceContext.withContext(a) {
                let token = TraceContext.attach(b)
                #expect(TraceContext.current == b)  // attached after the binding
                TraceContext.withContext(a) {
                    #expect(TraceContext.current == a)  // bound after the attach
                }
                #expect(TraceContext.current == b)
                TraceContext.detach(token)
                #expect(TraceContext.current == a)
            }
        }

        @Test("a span started under an attached context is its child")
        func spansUseAttachedContext() throws {
            let tracer = provider.tracer("test")
            let parent = tracer.startSpan("callback-parent", parent: nil)
            let token = TraceContext.attach(parent.context)
            tracer.withSpan("callback-child") { _ in }
            TraceContext.detach(token)
            parent.end()
            let spans = exporter.finishedSpans()
            #expect(spans.named("callback-child")?.parentSpanID == parent.context.spanID)
        }

        @Test("detaching out of order is counted and removes only that entry")
        func outOfOrder() {
            let before = ContextDiagnostics.shared.snapshot()
            let a = context("a")
            let b = context("b")
            let tokenA = TraceContext.attach(a)
            let tokenB = TraceContext.attach(b)
            #expect(TraceContext.detach(tokenA) == .outOfOrder)
            #expect(TraceContext.current == b)
            #expect(TraceContext.attachedCount == 1)
            #expect(TraceContext.detach(tokenB) == nil)
            #expect(TraceContext.current == nil)
            let delta = ContextDiagnostics.shared.snapshot().since(before)
            #expect(delta.counts == [.outOfOrder: 1])
        }

        @Test("detaching twice is counted and changes nothing")
        func twice() {
            let before = ContextDiagnostics.shared.snapshot()
            let a = context("a")
            let outer = TraceContext.attach(a)
            let token = TraceContext.attach(context("b"))
            #expect(TraceContext.detach(token) == nil)
            #expect(TraceContext.detach(token) == .alreadyDetached)
            #expect(TraceContext.current == a)
            TraceContext.detach(outer)
            let delta = ContextDiagnostics.shared.snapshot().since(before)
            #expect(delta.counts == [.alreadyDetached: 1])
        }

        @Test("detaching on another thread is counted; the entry stays on its own thread")
        func otherThread() {
            let before = ContextDiagnostics.shared.snapshot()
            let a = context("a")
            let token = TraceContext.attach(a)
            let misuse = onNewThread { TraceContext.detach(token) }
            #expect(misuse == .wrongThread)
            #expect(TraceContext.current == a)
            #expect(TraceContext.detach(token) == nil)
            let delta = ContextDiagnostics.shared.snapshot().since(before)
            #expect(delta.counts == [.wrongThread: 1])
        }

        @Test("attached contexts are per thread: another thread does not see them")
        func perThread() {
            let token = TraceContext.attach(context("a"))
            #expect(onNewThread { TraceContext.current } == nil)
            TraceContext.detach(token)
        }

        @Test("withWorkerContext clears what the work left attached and counts it")
        func workerCleanup() {
            let before = ContextDiagnostics.shared.snapshot()
            let a = context("a")
            let leaked = context("leaked")
            let seen = onNewThread { () -> [SpanContext?] in
                TraceContext.withWorkerContext(a) {
                    _ = TraceContext.attach(leaked)
                    _ = TraceContext.attach(leaked)
                }
                return [TraceContext.current, TraceContext.attachedCount == 0 ? nil : leaked]
            }
            #expect(seen == [nil, nil])
            let delta = ContextDiagnostics.shared.snapshot().since(before)
            #expect(delta.counts == [.leftAttached: 2])
        }

        @Test("diagnostics reset to zero and snapshots describe every kind")
        func resetAndDescribe() {
            let diagnostics = ContextDiagnostics()
            diagnostics.record(.outOfOrder)
            diagnostics.record(.leftAttached, count: 3)
            #expect(diagnostics.snapshot().total == 4)
            #expect(
                diagnostics.snapshot().description
                    == "outOfOrder=1 alreadyDetached=0 wrongThread=0 leftAttached=3")
            diagnostics.reset()
            #expect(diagnostics.snapshot().total == 0)
        }
    }
}
