/// Flushing, shutting down, and reading what the tracer exported: what the harness checks.
///
/// Flush and shutdown are `async`, and must not block a thread of Swift's cooperative pool while they
/// wait (it has as many threads as cores, and the tracer's own export work may need one). A tracer whose
/// flush blocks wraps it in one line:
///
/// ```swift
/// func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
///     await offCooperativePool { FlushOutcome(self.providers[instance].forceFlush(timeout: timeout)) }
/// }
/// ```
public protocol ExportInspecting: Sendable {
    /// Force-flushes one instance: when it returns `.success`, every span of that instance that ended
    /// before the call began must be exported.
    func flush(instance: Int, timeout: Duration) async -> FlushOutcome
    /// Shuts one instance down (flushing first).
    func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome
    /// Everything every instance has exported so far, each span tagged with the exporting instance.
    func exportedSpans() -> [ExportedSpan]
    /// How many spans an instance has dropped and counted (queue overflow, after shutdown); 0 unless
    /// the tracer counts them (``TracerCapabilities/countsDrops``).
    func droppedSpans(instance: Int) -> Int
}

extension ExportInspecting {
    /// Counts nothing.
    public func droppedSpans(instance: Int) -> Int { 0 }
}
