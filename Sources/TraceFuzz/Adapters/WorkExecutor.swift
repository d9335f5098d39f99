/// An executor the harness can hand work to: the plug-in point for your own executors.
///
/// ```swift
/// struct MyQueueExecutor: WorkExecutor {
///     let queue = DispatchQueue(label: "mine", attributes: .concurrent)
///     var propagatesContext: Bool { false }
///     func submit(_ work: @escaping @Sendable () -> Void) { queue.async(execute: work) }
/// }
/// ```
public protocol WorkExecutor: Sendable {
    /// Whether the executor carries the submitter's context into the work by itself. For the executor an
    /// adapter returns for `tracedPool` hops, the oracle takes it at its word: when `true`, work submitted
    /// under the `none` strategy must keep its parent; when `false`, it must start a new trace.
    var propagatesContext: Bool { get }
    /// Runs `work` later, on some thread. Must run every submitted closure exactly once.
    func submit(_ work: @escaping @Sendable () -> Void)
    /// Called once after every submitted closure has finished; release threads here.
    func shutdown()
}

extension WorkExecutor {
    /// Nothing to release.
    public func shutdown() {}
}
