/// Something that happened during a span, at a point in time: OTLP's span event.
public struct SpanEvent: Hashable, Sendable {
    /// What happened.
    public var name: String
    /// When, in nanoseconds since the Unix epoch.
    public var timeNanos: UInt64
    /// Details.
    public var attributes: Attributes

    /// Creates an event.
    public init(name: String, timeNanos: UInt64, attributes: Attributes = [:]) {
        self.name = name
        self.timeNanos = timeNanos
        self.attributes = attributes
    }
}
