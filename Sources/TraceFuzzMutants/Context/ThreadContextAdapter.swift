import TraceCore
import TraceFuzz

/// TraceCore's spans and processors under the mutants' own context manager (``ScopedContext``), with
/// one ``Defect`` planted in how the context moves between threads. With ``Defect/none`` it is correct.
struct ThreadContextAdapter: CoreForwarding {
    /// What is broken.
    enum Defect: Sendable {
        /// Nothing.
        case none
        /// pooled-thread-leak: a worker restores the captured context by setting the thread-local
        /// current context, and never puts back what was there: the context stays on the pooled
        /// thread after the task, and the next task on it inherits a stale parent.
        case restoreLeavesContext
        /// detach-wrong-context: restores and synchronous span scopes use attach/detach tokens, but the
        /// thread keeps one token field that each attach overwrites and nothing restores. An outer scope
        /// detaches its inner scope's token (already detached: "Failed to detach context") and stays
        /// attached: later spans land under it, and it stays on the thread after the task.
        case staleTokenField
        /// child-clears-parent: ending a span sets the thread's active context to none instead of
        /// restoring its parent, so the span's next sibling becomes a root.
        case endClearsContext
        /// await-wrong-trace: an async span is made current in a thread-local, across its `await`s. After
        /// a suspension the task may run on another thread, whose thread-local holds another task's span
        /// (or none); child tasks see none of it.
        case contextAcrossAwait
        /// pooled-scope-nesting: a worker thread forks its scope from the first task it runs and keeps
        /// it; later tasks on that pooled thread run under the first task's context, not their own.
        case scopeForkedPerThread
    }

    let core: MutantCore
    let defect: Defect
    let context: ScopedContext

    init(core: MutantCore, defect: Defect) {
        self.core = core
        self.defect = defect
        self.context = ScopedContext(owner: core.runID)
    }

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        let span = core.tracers[instance].startSpan(label, parent: context.current)
        switch defect {
        case .staleTokenField:
            openScope(span.context) { context.withContext(span.context, body) }
            span.end()
        case .endClearsContext:
            let depth = context.depth
            context.withContext(span.context, body)
            span.end()
            context.truncate(to: depth)
            _ = context.attach(nil)
        default:
            context.withContext(span.context, body)
            span.end()
        }
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        let span = core.tracers[instance].startSpan(label, parent: context.current)
        if defect == .contextAcrossAwait {
            let token = context.attach(span.context)
            await body()
            span.end()
            context.detach(token)
        } else {
            await context.withContext(span.context, body)
            span.end()
        }
    }

    func currentSpan() -> SpanIdentity? { MutantCore.identity(context.current) }

    func capture() -> SpanContext? { context.current }

    func withRestored(_ captured: SpanContext?, _ body: () -> Void) {
        switch defect {
        case .restoreLeavesContext:
            _ = context.attach(captured)
            body()
        case .staleTokenField:
            openScope(captured, body)
        case .scopeForkedPerThread:
            let scope = context.withThreadState { state in
                if let forked = state.forkedScope { return forked }
                state.forkedScope = .some(captured)
                return captured
            }
            context.withContext(scope, body)
        default:
            context.withContext(captured, body)
        }
    }

    func withRestored(_ captured: SpanContext?, _ body: () async -> Void) async {
        await context.withContext(captured, body)
    }

    /// Attaches `scope`, runs `body`, then detaches the token in the thread's token field, which an inner
    /// scope may have overwritten.
    private func openScope(_ scope: SpanContext?, _ body: () -> Void) {
        let token = context.attach(scope)
        context.withThreadState { $0.lastToken = token }
        body()
        if let last = context.withThreadState({ $0.lastToken }) { context.detach(last) }
    }

    func inject() -> [String: String] { core.inject(context.current) }

    func withExtracted(_ headers: [String: String], _ body: () -> Void) {
        withRestored(core.extract(headers), body)
    }

    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await withRestored(core.extract(headers), body)
    }

    /// The tracer's own pool: correct, carrying this adapter's context.
    func propagatingExecutor(width: Int) -> (any WorkExecutor)? {
        let context = self.context
        let handoff = ContextHandoff(
            capture: { context.current },
            restore: { captured, body in
                let depth = context.depth
                context.withContext(captured, body)
                context.truncate(to: depth)
            })
        return MutantPoolExecutor(width: width, propagation: .everySubmit, handoff: handoff)
    }
}
