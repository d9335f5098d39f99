/// The outcome of a flush or shutdown.
public enum FlushOutcome: String, Hashable, Sendable, Codable {
    /// Everything that ended before the call is exported.
    case success
    /// The deadline passed first.
    case timeout
    /// The tracer reported failure.
    case failure
}
