/// An ended span, as processors and exporters see it: a value, immutable once shared, and `Sendable`.
///
/// The fields live in one shared box, so handing span data from processor to exporter to storage
/// copies a reference, not nine fields; setting a field on a shared copy copies the box first
/// (copy-on-write), so every `SpanData` still behaves as an independent value.
public struct SpanData: Hashable, Sendable {
    var storage: Storage

    /// The span's name.
    public var name: String {
        get { storage.name }
        set { uniqueStorage().name = newValue }
    }
    /// The span's own context.
    public var context: SpanContext {
        get { storage.context }
        set { uniqueStorage().context = newValue }
    }
    /// The parent span's ID, or `nil` for a root span.
    public var parentSpanID: SpanID? {
        get { storage.parentSpanID }
        set { uniqueStorage().parentSpanID = newValue }
    }
    /// Start time, nanoseconds since the Unix epoch.
    public var startNanos: UInt64 {
        get { storage.startNanos }
        set { uniqueStorage().startNanos = newValue }
    }
    /// End time, nanoseconds since the Unix epoch.
    public var endNanos: UInt64 {
        get { storage.endNanos }
        set { uniqueStorage().endNanos = newValue }
    }
    /// The span's own attributes.
    public var attributes: Attributes {
        get { storage.attributes }
        set { uniqueStorage().attributes = newValue }
    }
    /// The session attributes of the provider that made the span, as they were at start.
    public var session: Attributes {
        get { storage.session }
        set { uniqueStorage().session = newValue }
    }
    /// The resource of the provider that made the span.
    public var resource: Resource {
        get { storage.resource }
        set { uniqueStorage().resource = newValue }
    }
    /// The name of the tracer (instrumentation scope) that made the span.
    public var scopeName: String {
        get { storage.scopeName }
        set { uniqueStorage().scopeName = newValue }
    }

    /// The span's status. TraceCore's own spans leave it unset; span data made elsewhere (such as the
    /// harness's OTLP export of a finding) may set it.
    public var status: SpanStatus {
        get { storage.status }
        set { uniqueStorage().status = newValue }
    }
    /// The span's events, in time order. TraceCore's own spans have none.
    public var events: [SpanEvent] {
        get { storage.events }
        set { uniqueStorage().events = newValue }
    }

    /// Creates span data.
    public init(
        name: String, context: SpanContext, parentSpanID: SpanID?, startNanos: UInt64, endNanos: UInt64,
        attributes: Attributes = [:], session: Attributes = [:], resource: Resource = Resource(),
        scopeName: String = "", status: SpanStatus = .unset, events: [SpanEvent] = []
    ) {
        storage = Storage(
            name: name, context: context, parentSpanID: parentSpanID, startNanos: startNanos,
            endNanos: endNanos, attributes: attributes, session: session, resource: resource,
            scopeName: scopeName, status: status, events: events)
    }

    /// Span data sharing `storage`, which must no longer change.
    init(storage: Storage) { self.storage = storage }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Whether every field is equal.
    public static func == (lhs: SpanData, rhs: SpanData) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.hasEqualFields(to: rhs.storage)
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) { storage.hashFields(into: &hasher) }
}
