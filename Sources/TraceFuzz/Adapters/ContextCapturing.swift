/// Capturing the current context in one worker and restoring it in another: what the `fresh` and
/// `shared` strategies do around every hop that does not carry context by itself.
public protocol ContextCapturing: Sendable {
    /// A captured context, as the tracer stores it. It may be a value or a reference; a tracer whose
    /// captured context cannot be shared across workers is exactly what the `shared` strategy finds.
    associatedtype CapturedContext: Sendable

    /// Captures the current context for another thread or task.
    func capture() -> CapturedContext
    /// Runs `body` with a captured context restored as current, and puts back what was there after.
    func withRestored(_ context: CapturedContext, _ body: () -> Void)
    /// Runs async `body` with a captured context restored as current.
    func withRestored(_ context: CapturedContext, _ body: () async -> Void) async
}
