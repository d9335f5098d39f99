import TraceCore
import TraceFuzz

/// shared-context-entered: a captured context is an object that can be entered by one worker at a
/// time, like a Python `contextvars.Context`. Captured once and run by several workers at once, the
/// second worker's entry fails ("cannot enter context: … is already entered") and its task dies:
/// none of its spans start.
struct SharedContextEnteredAdapter: CoreForwarding {
    let core: MutantCore

    /// A captured context that knows whether a worker is inside it.
    final class EnterOnceContext: Sendable {
        let context: SpanContext?
        private let entered = StateLock(false)

        init(_ context: SpanContext?) { self.context = context }

        /// Enters unless already entered; returns whether it did.
        func enter() -> Bool {
            entered.withLock { entered in
                if entered { return false }
                entered = true
                return true
            }
        }

        func exit() { entered.withLock { $0 = false } }
    }

    func capture() -> EnterOnceContext { EnterOnceContext(core.capture()) }

    func withRestored(_ captured: EnterOnceContext, _ body: () -> Void) {
        guard captured.enter() else { return }
        defer { captured.exit() }
        core.withRestored(captured.context, body)
    }

    func withRestored(_ captured: EnterOnceContext, _ body: () async -> Void) async {
        guard captured.enter() else { return }
        await core.withRestored(captured.context, body)
        captured.exit()
    }
}
