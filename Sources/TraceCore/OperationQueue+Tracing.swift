import Foundation

extension OperationQueue {
    /// Like `addOperation(_:)`, but `block` runs under the trace context current at this call.
    ///
    /// The context is captured per call and restored around `block`; a context `block` attaches and
    /// leaves attached is cleared afterwards.
    ///
    /// ```swift
    /// let queue = OperationQueue()
    /// tracer.withSpan("batch") { _ in
    ///     queue.addTracedOperation { tracer.withSpan("item") { _ in } }
    /// }
    /// queue.waitUntilAllOperationsAreFinished()
    /// ```
    public func addTracedOperation(_ block: @escaping @Sendable () -> Void) {
        let context = TraceContext.current
        addOperation { TraceContext.withWorkerContext(context, block) }
    }
}
