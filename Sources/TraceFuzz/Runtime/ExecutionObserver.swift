/// Watches one execution from outside: a worker process uses it to stream spans to its parent as they
/// are exported, and to commit its fault at the right moment.
protocol ExecutionObserver: Sendable {
    /// A span of this process ended (its `withSpan` returned).
    func spanEnded(_ label: String, instance: Int)
    /// A child process of this execution delivered a span.
    func delivered(_ span: ExportedSpan)
}
