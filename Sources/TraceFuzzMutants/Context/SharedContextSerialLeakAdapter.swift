import TraceCore
import TraceFuzz

/// shared-context-serial-leak: a captured context is a mutable object the worker runs in, like a
/// Python `contextvars.Context` passed to `ctx.run`: a value set inside the run stays in the object.
/// The tracer sets the current span in the context it runs in when a span starts, and resets only the
/// task's own binding when it ends. Captured once and reused task after task, the object still holds
/// the previous task's span: the next task's spans become its children. No crash, just a leak.
struct SharedContextSerialLeakAdapter: CoreForwarding {
    let core: MutantCore

    /// The cell the current task runs in, if it runs in one.
    @TaskLocal static var running: LockedContext?

    func capture() -> LockedContext { LockedContext(core.capture()) }

    func withRestored(_ cell: LockedContext, _ body: () -> Void) {
        core.withRestored(cell.context) { Self.$running.withValue(cell, operation: body) }
    }

    func withRestored(_ cell: LockedContext, _ body: () async -> Void) async {
        await core.withRestored(cell.context) { await Self.$running.withValue(cell, operation: body) }
    }

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        core.withSpan(label, instance: instance) {
            Self.running?.context = TraceContext.current
            body()
        }
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await core.withSpan(label, instance: instance) {
            Self.running?.context = TraceContext.current
            await body()
        }
    }
}
