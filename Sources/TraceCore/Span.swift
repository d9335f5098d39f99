import Synchronization

/// A unit of traced work, started by a ``Tracer`` and ended exactly once.
///
/// Ending a span hands its ``SpanData`` to the provider's processors. Ending it again does nothing.
public final class Span: Sendable {
    /// This span's context: what children use as their parent.
    public let context: SpanContext
    /// The parent span's ID, or `nil` for a root.
    public let parentSpanID: SpanID?
    /// The span's name.
    public let name: String
    /// Start time, nanoseconds since the Unix epoch.
    public let startNanos: UInt64

    private let provider: TracerProvider
    private let scopeName: String
    private let session: Attributes
    private let state: StateLock<State>

    private struct State {
        var attributes: Attributes = [:]
        var ended = false
    }

    init(
        name: String, context: SpanContext, parentSpanID: SpanID?, provider: TracerProvider,
        scopeName: String, session: Attributes, attributes: Attributes
    ) {
        self.name = name
        self.context = context
        self.parentSpanID = parentSpanID
        self.provider = provider
        self.scopeName = scopeName
        self.session = session
        self.startNanos = WallClock.nowNanos()
        self.state = StateLock(State(attributes: attributes))
    }

    /// Sets an attribute; ignored after the span has ended.
    public func setAttribute(_ key: String, _ value: AttributeValue) {
        state.withLock { state in
            if !state.ended { state.attributes[key] = value }
        }
    }

    /// Whether ``end()`` has been called.
    public var isEnded: Bool { state.withLock { $0.ended } }

    /// Ends the span and passes it to the provider's processors. Later calls do nothing.
    public func end() {
        let attributes: Attributes? = state.withLock { state in
            if state.ended { return nil }
            state.ended = true
            return state.attributes
        }
        guard let attributes else { return }
        let data = SpanData(
            name: name, context: context, parentSpanID: parentSpanID, startNanos: startNanos,
            endNanos: WallClock.nowNanos(), attributes: attributes, session: session,
            resource: provider.resource, scopeName: scopeName)
        provider.spanEnded(data)
    }
}
