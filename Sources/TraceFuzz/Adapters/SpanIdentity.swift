/// The identity of a live or exported span, as opaque strings (hex IDs for W3C tracers).
public struct SpanIdentity: Hashable, Sendable, Codable {
    /// The trace the span belongs to.
    public var traceID: String
    /// The span's own ID.
    public var spanID: String

    /// Creates an identity.
    public init(traceID: String, spanID: String) {
        self.traceID = traceID
        self.spanID = spanID
    }
}
