import TraceCore

/// How a pool reads the submitter's context and restores it in the worker, leaving the thread clean.
struct ContextHandoff: Sendable {
    /// The submitter's current context.
    let capture: @Sendable () -> SpanContext?
    /// Runs the work under a captured context.
    let restore: @Sendable (SpanContext?, () -> Void) -> Void

    /// TraceCore's: ``TraceContext/current`` and ``TraceContext/withWorkerContext(_:_:)``.
    static let traceCore = ContextHandoff(
        capture: { TraceContext.current },
        restore: { context, body in TraceContext.withWorkerContext(context, body) })
}
