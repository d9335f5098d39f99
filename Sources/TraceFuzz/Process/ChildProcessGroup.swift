import Synchronization

/// Whether the children of `process` hops start process groups of their own.
///
/// The process that runs a scenario (the command line, a test) starts each child as the leader of a new
/// process group, and the watchdog kills the whole group: a worker's own children (nested hops) are in
/// its group, so none of them outlives a killed hop. A worker turns this off at its start, so its
/// children stay in the group its parent will kill.
enum ChildProcessGroup {
    /// `true` (the default) in the process that runs a scenario; `false` in a worker.
    static let leads = Atomic<Bool>(true)
}
