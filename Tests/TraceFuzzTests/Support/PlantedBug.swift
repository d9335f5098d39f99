/// One deliberate defect, planted in an otherwise correct adapter to show an invariant firing.
enum PlantedBug: String, CaseIterable, Sendable {
    /// Restoring a captured context does nothing: workers start new traces (pool-no-propagation).
    case restoreIgnoresContext
    /// Exported children are reported in a fresh trace.
    case childInOtherTrace
    /// Every root is reported in the same trace.
    case rootsShareTrace
    /// The newest span is missing from every export snapshot (flush-returns-early).
    case hidesNewestSpan
    /// The drop count is one higher than the truth.
    case overcountsDrops
    /// The first exported span is exported twice.
    case exportsTwice
    /// Spans are exported by the next instance over.
    case exportedByOtherInstance
    /// Spans carry no session.
    case losesSession
    /// A span labelled `stuck` blocks for longer than the scenario's deadline.
    case blocksOnStuckSpan
    /// Shutting an instance down loses the last span it exported (shutdown-loses-buffer).
    case shutdownLosesLastSpan
    /// A span labelled `dropped…` is dropped (and counted) and hands its children an empty context
    /// (dropped-span-breaks-trace).
    case droppedSpanHandsOutEmptyContext
    /// Every flush reports failure, even though nothing was shut down.
    case flushAlwaysFails
}
