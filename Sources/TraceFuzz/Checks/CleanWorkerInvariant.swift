/// No context is left current on a worker thread after its task: the next task on a pooled thread must
/// not inherit the previous task's span.
public struct CleanWorkerInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `clean-worker`.
    public var name: String { "clean-worker" }

    /// Reports every context a task left behind on its thread.
    public func check(_ input: CheckInput) -> [Violation] {
        input.record.leaks.map { leak in
            let span = input.describe(spanID: leak.leftover.spanID)
            let when = leak.beforeTask ? "when task \(leak.site) started" : "after task \(leak.site) finished"
            return Violation(
                invariant: name,
                message: "\(when), \(span) was current on its thread (a context left on a pooled thread)",
                expected: "no current span", actual: "\(span) is current",
                labels: input.label(ofSpanID: leak.leftover.spanID).map { [$0] } ?? [], mark: .leaked)
        }
    }
}

extension CleanWorkerInvariant {
    /// One per task run.
    public func coverage(_ input: CheckInput) -> Int { input.record.tasksRun }
}
