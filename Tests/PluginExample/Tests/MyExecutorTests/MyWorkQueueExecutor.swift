import MyExecutor
import TraceFuzz

/// ``MyWorkQueue`` as a TraceFuzz `WorkExecutor`, so `ExecutorUnderTest` can run generated hops on it.
/// The queue itself does not depend on TraceFuzz: only the tests do.
struct MyWorkQueueExecutor: WorkExecutor {
    /// The queue under test.
    let queue: MyWorkQueue

    /// A fresh queue of `width` threads.
    init(width: Int) { queue = MyWorkQueue(threads: width) }

    /// The queue captures the context at submit and restores it on the worker, so it claims to.
    var propagatesContext: Bool { true }

    /// Hands `work` to the queue.
    func submit(_ work: @escaping @Sendable () -> Void) { queue.submit(work) }

    /// Stops the queue's threads.
    func shutdown() { queue.shutdown() }
}
