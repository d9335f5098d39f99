/// The current span context and the ways to move it between units of work.
///
/// The current context is a value held in a `@TaskLocal`. It flows into structured child tasks
/// (`async let`, task groups) and into `Task {}`, but not into `Task.detached`, Dispatch queues,
/// threads or thread pools: for those, capture it at submit and restore it in the worker.
///
/// ```swift
/// let captured = TraceContext.current
/// DispatchQueue.global().async {
///     TraceContext.withContext(captured) { tracer.withSpan("work") { _ in } }
/// }
/// ```
public enum TraceContext {
    @TaskLocal static var bound: SpanContext?

    /// The span context that new spans will use as their parent, if any.
    public static var current: SpanContext? { bound }

    /// Runs `body` with `context` as the current context (or none, if `nil`).
    public static func withContext<R>(_ context: SpanContext?, _ body: () throws -> R) rethrows -> R {
        try $bound.withValue(context, operation: body)
    }

    /// Runs async `body` with `context` as the current context (or none, if `nil`).
    public static func withContext<R>(
        _ context: SpanContext?, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> R
    ) async rethrows -> R {
        try await $bound.withValue(context, operation: body, isolation: isolation)
    }
}
