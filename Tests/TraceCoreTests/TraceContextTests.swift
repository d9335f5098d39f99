import Testing
import TraceCore

@Suite("TraceContext") struct TraceContextTests {
    @Test("there is no current context outside any span")
    func noContextByDefault() {
        #expect(TraceContext.current == nil)
    }

    @Test("nested sync spans link child to parent within one trace")
    func nestedSyncLinkage() throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        tracer.withSpan("outer") { outer in
            #expect(TraceContext.current == outer.context)
            tracer.withSpan("inner") { inner in
                #expect(TraceContext.current == inner.context)
                tracer.withSpan("innermost") { _ in }
            }
            #expect(TraceContext.current == outer.context)
        }
        #expect(TraceContext.current == nil)
        let spans = exporter.finishedSpans()
        let outer = try #require(spans.named("outer"))
        let inner = try #require(spans.named("inner"))
        let innermost = try #require(spans.named("innermost"))
        #expect(outer.parentSpanID == nil)
        #expect(inner.parentSpanID == outer.context.spanID)
        #expect(innermost.parentSpanID == inner.context.spanID)
        #expect(Set(spans.map(\.context.traceID)).count == 1)
    }

    @Test("sibling spans both get the parent: ending the first child does not clear it")
    func siblingsKeepParent() throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        tracer.withSpan("parent") { _ in
            tracer.withSpan("first") { _ in }
            tracer.withSpan("second") { _ in }
        }
        let spans = exporter.finishedSpans()
        let parent = try #require(spans.named("parent"))
        #expect(spans.named("first")?.parentSpanID == parent.context.spanID)
        #expect(spans.named("second")?.parentSpanID == parent.context.spanID)
    }

    @Test("nested async spans keep their parent across suspension points")
    func nestedAsyncLinkage() async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        await tracer.withSpan("outer") { outer in
            await Task.yield()
            await tracer.withSpan("inner") { inner in
                await Task.yield()
                #expect(TraceContext.current == inner.context)
            }
            await Task.yield()
            #expect(TraceContext.current == outer.context)
            await tracer.withSpan("after-await") { _ in await Task.yield() }
        }
        let spans = exporter.finishedSpans()
        let outer = try #require(spans.named("outer"))
        #expect(spans.named("inner")?.parentSpanID == outer.context.spanID)
        #expect(spans.named("after-await")?.parentSpanID == outer.context.spanID)
        #expect(Set(spans.map(\.context.traceID)).count == 1)
    }

    @Test("Task {} inherits the current context")
    func unstructuredTaskInherits() async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        await tracer.withSpan("parent") { _ in
            await Task { tracer.withSpan("child") { _ in } }.value
        }
        let spans = exporter.finishedSpans()
        #expect(spans.named("child")?.parentSpanID == spans.named("parent")?.context.spanID)
    }

    @Test("Task.detached does not inherit: its span is a root of a new trace")
    func detachedTaskStartsRoot() async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        await tracer.withSpan("parent") { _ in
            await Task.detached { tracer.withSpan("detached") { _ in } }.value
        }
        let spans = exporter.finishedSpans()
        let parent = try #require(spans.named("parent"))
        let detached = try #require(spans.named("detached"))
        #expect(detached.parentSpanID == nil)
        #expect(detached.context.traceID != parent.context.traceID)
    }

    @Test("async let and task-group children inherit the current context")
    func structuredChildrenInherit() async throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        await tracer.withSpan("parent") { _ in
            async let first: Void = tracer.withSpan("async-let") { _ in }
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<4 { group.addTask { tracer.withSpan("group-\(index)") { _ in } } }
            }
            await first
        }
        let spans = exporter.finishedSpans()
        let parentID = try #require(spans.named("parent")).context.spanID
        #expect(spans.filter { $0.name != "parent" }.allSatisfy { $0.parentSpanID == parentID })
        #expect(spans.count == 6)
    }

    @Test("withContext(nil) hides the outer context; the next span is a root")
    func withNilContext() {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        tracer.withSpan("outer") { _ in
            TraceContext.withContext(nil) {
                #expect(TraceContext.current == nil)
                tracer.withSpan("root") { _ in }
            }
        }
        #expect(exporter.finishedSpans().named("root")?.parentSpanID == nil)
    }

    @Test("an invalid parent is ignored: the span becomes a root")
    func invalidParentIgnored() {
        let (provider, _) = makeTracing()
        let invalid = SpanContext(traceID: .invalid, spanID: .invalid)
        let span = provider.tracer("test").startSpan("orphan", parent: invalid)
        #expect(span.parentSpanID == nil)
        #expect(span.context.isValid)
        span.end()
    }

    @Test("a captured context restored on another thread parents spans there")
    func captureAndRestore() throws {
        let (provider, exporter) = makeTracing()
        let tracer = provider.tracer("test")
        tracer.withSpan("parent") { _ in
            let captured = TraceContext.current
            onThreads(1) { _ in TraceContext.withContext(captured) { tracer.withSpan("child") { _ in } } }
        }
        let spans = exporter.finishedSpans()
        #expect(spans.named("child")?.parentSpanID == spans.named("parent")?.context.spanID)
    }

    @Test("a bound context keeps its trace state, flags and remoteness through nesting")
    func bindingKeepsEveryField() async throws {
        let s = try #require(TraceState(headerValue: "a=1,b=2"))
        let t = try #require(TraceState(headerValue: "t=9"))
        let a = SpanContext(
            traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), flags: [.sampled, .randomTraceID],
            traceState: s, isRemote: true)
        let b = SpanContext(traceID: TraceID(high: 4, low: 5), spanID: SpanID(6), flags: [])
        let c = SpanContext(traceID: TraceID(high: 7, low: 8), spanID: SpanID(9), traceState: t)
        TraceContext.withContext(a) {
            #expect(TraceContext.current == a)
            TraceContext.withContext(b) {
                #expect(TraceContext.current == b)
                TraceContext.withContext(c) { #expect(TraceContext.current == c) }
                #expect(TraceContext.current == b)
            }
            #expect(TraceContext.current == a)
        }
        await TraceContext.withContext(a) {
            await Task.yield()
            #expect(await Task { TraceContext.current }.value == a)
            await TraceContext.withContext(c) {
                await Task.yield()
                #expect(TraceContext.current == c)
            }
        }
        let (provider, _) = makeTracing()
        let child = TraceContext.withContext(a) { provider.tracer("t").startSpan("child") }
        #expect(child.context.traceState == s)
        #expect(child.context.traceID == a.traceID)
        child.end()
    }
}
