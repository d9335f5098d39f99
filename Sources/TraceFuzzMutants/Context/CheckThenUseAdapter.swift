import Foundation
import TraceCore
import TraceFuzz

/// check-then-use: the tracer keeps a process-wide "current span" (a global hub, as older Sentry SDKs
/// did) beside the task's own context. Capturing takes a fast path through it: check that the global
/// holds the task's own span, then read the global again to use it. Another thread that starts or
/// ends a span between the two reads hands the capture its own span (or none): the worker's spans
/// land under a stranger.
struct CheckThenUseAdapter: ValueCaptureForwarding {
    let core: MutantCore
    /// The process-wide current span (one per run, so runs do not disturb each other).
    let global = LockedContext()

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        let parent = TraceContext.current
        core.withSpan(label, instance: instance) {
            global.context = TraceContext.current
            body()
        }
        global.context = parent
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        let parent = TraceContext.current
        await core.withSpan(label, instance: instance) {
            global.context = TraceContext.current
            await body()
        }
        global.context = parent
    }

    func capture() -> SpanContext? {
        let own = TraceContext.current
        guard let own, global.context == own else { return own }
        // Between the check and the use the thread may be switched out (in Python, the GIL is handed on).
        sched_yield()
        return global.context
    }
}
