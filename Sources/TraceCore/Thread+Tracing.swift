import Foundation

extension Thread {
    /// Like `detachNewThread(_:)`, but `block` runs under the trace context current at this call.
    ///
    /// ```swift
    /// tracer.withSpan("job") { _ in
    ///     Thread.tracedDetach { tracer.withSpan("background") { _ in } }
    /// }
    /// ```
    public static func tracedDetach(_ block: @escaping @Sendable () -> Void) {
        let context = TraceContext.current
        detachNewThread { TraceContext.withWorkerContext(context, block) }
    }

    /// A thread, not yet started, whose `block` runs under the trace context current at this call.
    ///
    /// ```swift
    /// let thread = Thread.traced { tracer.withSpan("background") { _ in } }
    /// thread.start()
    /// ```
    public static func traced(_ block: @escaping @Sendable () -> Void) -> Thread {
        let context = TraceContext.current
        return Thread { TraceContext.withWorkerContext(context, block) }
    }
}
