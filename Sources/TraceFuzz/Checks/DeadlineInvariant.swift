/// The run finishes before its deadline. A hang is a finding with its seed, never a stuck process.
public struct DeadlineInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `deadline`.
    public var name: String { "deadline" }

    /// Reports a run the watchdog had to stop, with the tasks still pending.
    public func check(_ input: CheckInput) -> [Violation] {
        guard let hang = input.record.hang else { return [] }
        let pending = hang.pending.isEmpty ? "none tracked" : hang.pending.joined(separator: ", ")
        var message = "did not finish within \(hang.deadlineMillis) ms; pending tasks: \(pending)"
        if hang.neverStarted {
            message =
                "did not start within \(hang.deadlineMillis) ms: no thread of Swift's cooperative pool came free"
                + " (stuck tasks of earlier runs may hold them all)"
        }
        if !hang.killedProcesses.isEmpty {
            let arrived = hang.arrived.isEmpty ? "none" : NoLossInvariant.list(hang.arrived)
            message +=
                "; child processes killed at the deadline: \(hang.killedProcesses.joined(separator: ", "))"
                + "; spans that arrived from child processes: \(arrived)"
        }
        return [
            Violation(
                invariant: name, message: message,
                expected: "finished within \(hang.deadlineMillis) ms", actual: "still running", mark: .run)
        ]
    }
}

extension DeadlineInvariant {
    /// One per run.
    public func coverage(_ input: CheckInput) -> Int { 1 }
}
