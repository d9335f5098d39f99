import Synchronization

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
    /// A task-local binding: the context and the ticket that orders it against attached contexts.
    struct Binding: Sendable {
        var context: SpanContext?
        var ticket: UInt64
    }

    @TaskLocal static var bound: Binding?

    private static let tickets = Atomic<UInt64>(0)

    /// A fresh ticket: larger than every ticket handed out before, on any thread.
    static func nextTicket() -> UInt64 { tickets.wrappingAdd(1, ordering: .relaxed).newValue }

    /// The span context that new spans will use as their parent, if any.
    ///
    /// This is the more recent of the task-local binding (``withContext(_:_:)``, `withSpan`) and
    /// the innermost context attached on this thread (``attach(_:)``).
    public static var current: SpanContext? {
        let binding = bound
        guard let top = ThreadContextStack.top else { return binding?.context }
        if let binding, binding.ticket > top.ticket { return binding.context }
        return top.context
    }

    /// Runs `body` with `context` as the current context (or none, if `nil`).
    public static func withContext<R>(_ context: SpanContext?, _ body: () throws -> R) rethrows -> R {
        try $bound.withValue(Binding(context: context, ticket: nextTicket()), operation: body)
    }

    /// Runs async `body` with `context` as the current context (or none, if `nil`).
    public static func withContext<R>(
        _ context: SpanContext?, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> R
    ) async rethrows -> R {
        try await $bound.withValue(
            Binding(context: context, ticket: nextTicket()), operation: body, isolation: isolation)
    }
}
