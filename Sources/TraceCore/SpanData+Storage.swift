extension SpanData {
    /// The fields of one span.
    ///
    /// Mutable only while a single owner holds it: a ``Span`` before it publishes the data, or a
    /// ``SpanData`` that found it uniquely referenced. Once shared it never changes, which is what makes
    /// the unchecked `Sendable` conformance sound.
    final class Storage: @unchecked Sendable {
        var name: String
        var context: SpanContext
        var parentSpanID: SpanID?
        var startNanos: UInt64
        var endNanos: UInt64
        var attributes: Attributes
        var session: Attributes
        var resource: Resource
        var scopeName: String
        var status: SpanStatus
        var events: [SpanEvent]

        init(
            name: String, context: SpanContext, parentSpanID: SpanID?, startNanos: UInt64, endNanos: UInt64,
            attributes: Attributes, session: Attributes, resource: Resource, scopeName: String,
            status: SpanStatus = .unset, events: [SpanEvent] = []
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
            self.status = status
            self.events = events
        }

        func copy() -> Storage {
            Storage(
                name: name, context: context, parentSpanID: parentSpanID, startNanos: startNanos,
                endNanos: endNanos, attributes: attributes, session: session, resource: resource,
                scopeName: scopeName, status: status, events: events)
        }

        func hasEqualFields(to other: Storage) -> Bool {
            name == other.name && context == other.context && parentSpanID == other.parentSpanID
                && startNanos == other.startNanos && endNanos == other.endNanos
                && attributes == other.attributes && session == other.session && resource == other.resource
                && scopeName == other.scopeName && status == other.status && events == other.events
        }

        func hashFields(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(context)
            hasher.combine(parentSpanID)
            hasher.combine(startNanos)
            hasher.combine(endNanos)
            hasher.combine(attributes)
            hasher.combine(session)
            hasher.combine(resource)
            hasher.combine(scopeName)
            hasher.combine(status)
            hasher.combine(events)
        }
    }
}
