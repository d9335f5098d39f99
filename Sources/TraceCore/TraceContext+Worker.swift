extension TraceContext {
    /// Runs one unit of work on a pooled thread: with `context` current, and with the thread left
    /// clean afterwards.
    ///
    /// This is the restore half of capture-and-restore, used by ``TracedThreadPool`` and the submit
    /// helpers: capture ``current`` at submit, then call this in the worker. Any context `body`
    /// attaches and does not detach is removed when it returns and counted as
    /// ``ContextMisuse/leftAttached``, so the next task on that thread cannot inherit a stale parent.
    ///
    /// ```swift
    /// let captured = TraceContext.current
    /// DispatchQueue.global().async {
    ///     TraceContext.withWorkerContext(captured) { tracer.withSpan("work") { _ in } }
    /// }
    /// ```
    public static func withWorkerContext<R>(_ context: SpanContext?, _ body: () throws -> R) rethrows -> R {
        let depth = attachedCount
        defer { clearAttachments(above: depth) }
        return try withContext(context, body)
    }

    /// Removes contexts attached on this thread past the first `depth`, counting each as left attached.
    static func clearAttachments(above depth: Int) {
        guard let stack = ThreadContextStack.currentIfPresent else { return }
        let removed = stack.truncate(to: depth)
        ContextDiagnostics.shared.record(.leftAttached, count: removed)
    }
}
