/// A span's status, as OTLP carries it: unset (the default), ok, or an error with a description.
public enum SpanStatus: Hashable, Sendable {
    /// No status was set.
    case unset
    /// The operation completed successfully.
    case ok
    /// The operation failed; `description` says how.
    case error(description: String)
}
