import TraceCore
import TraceFuzz

/// process-hop-no-carrier: the parent starts its child processes without serializing the span context
/// into their environment (no `TRACEPARENT`, no `TRACESTATE`), so under the `carrier` strategy the
/// child's spans start traces of their own. Everything in the parent process is correct TraceCore.
struct NoCarrierAdapter: ValueCaptureForwarding {
    let core: MutantCore

    /// Nothing: the child's environment carries no context.
    func injectEnvironment() -> [String: String] { [:] }
}
