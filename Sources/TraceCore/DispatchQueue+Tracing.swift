import Dispatch

extension DispatchQueue {
    /// Like `async(group:execute:)`, but `work` runs under the trace context current at this call.
    ///
    /// The context is captured per call and restored around `work`; a context `work` attaches and
    /// leaves attached is cleared afterwards (see ``TraceContext/withWorkerContext(_:_:)``).
    ///
    /// ```swift
    /// tracer.withSpan("request") { _ in
    ///     DispatchQueue.global().tracedAsync { tracer.withSpan("child") { _ in } }
    /// }
    /// ```
    public func tracedAsync(group: DispatchGroup? = nil, execute work: @escaping @Sendable () -> Void) {
        let context = TraceContext.current
        let block: @Sendable () -> Void = { TraceContext.withWorkerContext(context, work) }
        if let group {
            async(group: group, execute: block)
        } else {
            async(execute: block)
        }
    }

    /// Like `asyncAfter(deadline:execute:)`, but `work` runs under the trace context current at this call.
    public func tracedAsyncAfter(deadline: DispatchTime, execute work: @escaping @Sendable () -> Void) {
        let context = TraceContext.current
        asyncAfter(deadline: deadline) { TraceContext.withWorkerContext(context, work) }
    }
}
