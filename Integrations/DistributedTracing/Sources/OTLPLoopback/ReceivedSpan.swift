/// One span as an OTLP/HTTP exporter sent it to an ``OTLPLoopbackReceiver``, with its IDs in lowercase hex.
public struct ReceivedSpan: Hashable, Sendable {
    /// The span's name.
    public var name: String
    /// The 16-byte trace ID, as 32 lowercase hex digits.
    public var traceID: String
    /// The 8-byte span ID, as 16 lowercase hex digits.
    public var spanID: String
    /// The parent span's ID in hex, or `nil` for a root span.
    public var parentSpanID: String?
    /// The string attributes of the span's resource (`service.name` and the like).
    public var resourceAttributes: [String: String]
    /// The `spanId` field exactly as the request wrote it (hex, or base64 from some exporters).
    public var spanIDAsSent: String

    /// Creates a received span.
    public init(
        name: String, traceID: String, spanID: String, parentSpanID: String?, resourceAttributes: [String: String],
        spanIDAsSent: String
    ) {
        self.name = name
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.resourceAttributes = resourceAttributes
        self.spanIDAsSent = spanIDAsSent
    }
}

/// How the ID fields of a received OTLP/JSON request were written.
public enum OTLPIDEncoding: String, Hashable, Sendable {
    /// Lowercase hex, as the OTLP/JSON specification requires (`"spanId": "00f067aa0ba902b7"`).
    case hex
    /// Base64, the proto3 JSON mapping of `bytes` (`"spanId": "APBnqgupArc="`).
    case base64
}
