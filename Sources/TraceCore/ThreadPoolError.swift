/// Why a ``ThreadPool`` or ``TracedThreadPool`` task did not run.
public enum ThreadPoolError: Error, Hashable, Sendable {
    /// Submitted after shutdown began, or still queued when ``ThreadPool/ShutdownMode/rejectNew``
    /// shutdown discarded it.
    case rejected
}
