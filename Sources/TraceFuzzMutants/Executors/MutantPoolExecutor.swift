import TraceCore
import TraceFuzz

/// A thread pool for `tracedPool` hops that claims to carry the submitter's context, and carries it
/// as its ``Propagation`` says: correctly (TraceCore's ``TracedThreadPool``), never, or only to the
/// first task forked under each context.
///
/// The pool moves context through a ``ContextHandoff``: TraceCore's by default, or a mutant's own.
final class MutantPoolExecutor: WorkExecutor {
    /// Which submitted tasks get the submitter's context.
    enum Propagation: Sendable {
        /// Every task: capture at submit, restore in the worker.
        case everySubmit
        /// None: the pool runs tasks as they are (pool-no-propagation).
        case never
        /// Only the first task submitted under a given span; the context is spent after one fork,
        /// so the other tasks of a fan-out start new traces (fork-join-partial).
        case firstForkOnly
    }

    private let pool: ThreadPool
    private let propagation: Propagation
    private let handoff: ContextHandoff
    /// The spans whose context was already handed to a forked task.
    private let forked = StateLock<Set<SpanID>>([])

    init(width: Int, propagation: Propagation, handoff: ContextHandoff = .traceCore) {
        pool = ThreadPool(threads: width, name: "tracefuzz-mutant-pool")
        self.propagation = propagation
        self.handoff = handoff
    }

    /// Always `true`: the oracle takes the pool at its word, which is what makes the lie visible.
    var propagatesContext: Bool { true }

    func submit(_ work: @escaping @Sendable () -> Void) {
        switch propagation {
        case .never:
            _ = pool.execute(work)
        case .everySubmit, .firstForkOnly:
            let context = carried(handoff.capture())
            let handoff = self.handoff
            _ = pool.execute { handoff.restore(context, work) }
        }
    }

    /// The context a task submitted under `current` receives.
    private func carried(_ current: SpanContext?) -> SpanContext? {
        guard propagation == .firstForkOnly, let current else { return current }
        let first = forked.withLock { $0.insert(current.spanID).inserted }
        return first ? current : nil
    }

    func shutdown() { pool.shutdown(.drain) }
}
