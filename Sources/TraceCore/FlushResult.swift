/// The outcome of ``TracerProvider/forceFlush(timeout:)`` or ``TracerProvider/shutdown(timeout:)``.
public enum FlushResult: Hashable, Sendable {
    /// Every span that ended before the call began has been exported.
    case success
    /// The deadline passed first; some spans may not be exported yet.
    case timeout
    /// An exporter reported failure, or the processor was already shut down.
    case failure
}
