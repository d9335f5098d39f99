/// A span as exported by the tracer under test.
public struct ExportedSpan: Hashable, Sendable, Codable {
    /// The span's name: the scenario label.
    public var label: String
    /// Its trace and span IDs.
    public var identity: SpanIdentity
    /// The parent span's ID, or `nil` for a root.
    public var parentSpanID: String?
    /// The instance whose exporter exported it.
    public var exportedBy: Int
    /// The instance named by the span's session attributes, or `nil` if it carries none.
    public var sessionInstance: Int?
    /// The child process that made the span, by its task's site (`h2.t0 process/fresh`), or `nil` for
    /// the run's own process. The harness sets it as a child's spans arrive; adapters leave it `nil`.
    public var origin: String?
    /// When the span started, in nanoseconds since the Unix epoch, if the tracer says; the OTLP export of a
    /// finding shows it (``OTLPExport``). No check reads it.
    public var startNanos: UInt64?
    /// When the span ended, in nanoseconds since the Unix epoch, if the tracer says.
    public var endNanos: UInt64?

    /// Creates an exported span.
    public init(
        label: String, identity: SpanIdentity, parentSpanID: String?, exportedBy: Int, sessionInstance: Int?,
        origin: String? = nil, startNanos: UInt64? = nil, endNanos: UInt64? = nil
    ) {
        self.origin = origin
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.label = label
        self.identity = identity
        self.parentSpanID = parentSpanID
        self.exportedBy = exportedBy
        self.sessionInstance = sessionInstance
    }
}
