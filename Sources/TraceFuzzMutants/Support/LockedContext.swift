import TraceCore

/// A span context behind a lock: a mutable context object shared between threads.
final class LockedContext: Sendable {
    private let value: StateLock<SpanContext?>

    init(_ context: SpanContext? = nil) { value = StateLock(context) }

    /// The context held now.
    var context: SpanContext? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
