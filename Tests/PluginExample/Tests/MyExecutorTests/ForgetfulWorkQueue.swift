import Dispatch
import TraceFuzz

/// A deliberately broken executor: it claims to carry the submitter's context but runs the work on a
/// Dispatch queue as it is, so every closure starts with no span. The property check must catch it.
struct ForgetfulWorkQueue: WorkExecutor {
    /// Where the work runs.
    let queue = DispatchQueue(label: "forgetful-work-queue")

    /// A false claim: nothing is captured or restored.
    var propagatesContext: Bool { true }

    /// Runs `work` on the queue without its submitter's context.
    func submit(_ work: @escaping @Sendable () -> Void) { queue.async(execute: work) }
}
