/// An ended span, as processors and exporters see it: immutable and `Sendable`.
public struct SpanData: Hashable, Sendable {
    /// The span's name.
    public var name: String
    /// The span's own context.
    public var context: SpanContext
    /// The parent span's ID, or `nil` for a root span.
    public var parentSpanID: SpanID?
    /// Start time, nanoseconds since the Unix epoch.
    public var startNanos: UInt64
    /// End time, nanoseconds since the Unix epoch.
    public var endNanos: UInt64
    /// The span's own attributes.
    public var attributes: Attributes
    /// The session attributes of the provider that made the span, as they were at start.
    public var session: Attributes
    /// The resource of the provider that made the span.
    public var resource: Resource
    /// The name of the tracer (instrumentation scope) that made the span.
    public var scopeName: String

    /// Creates span data.
    public init(
        name: String, context: SpanContext, parentSpanID: SpanID?, startNanos: UInt64, endNanos: UInt64,
        attributes: Attributes = [:], session: Attributes = [:], resource: Resource = Resource(),
        scopeName: String = ""
    ) {
        self.name = name
        self.context = context
        self.parentSpanID = parentSpanID
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.attributes = attributes
        self.session = session
        self.resource = resource
        self.scopeName = scopeName
    }
}
