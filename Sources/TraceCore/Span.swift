import Synchronization

/// A unit of traced work, started by a ``Tracer`` and ended exactly once.
///
/// Ending a span hands its ``SpanData`` to the provider's processors. Ending it again does nothing.
/// Every method is safe to call from any thread.
public final class Span: Sendable {
    /// The span's fields, filled in at start; `end()` sets the end time (and attributes, if they
    /// changed) before it shares them, and nothing writes them afterwards.
    private let data: SpanData.Storage
    private let provider: TracerProvider
    /// ``Flags``: ending is one atomic step, and the lock is only taken if attributes were set.
    private let flags = Atomic<UInt8>(0)
    /// Attributes after the first ``setAttribute(_:_:)``, if any.
    private let mutated = StateLock<Attributes?>(nil)

    private enum Flags {
        static let ended: UInt8 = 1
        static let mutated: UInt8 = 2
    }

    init(
        name: String, context: SpanContext, parentSpanID: SpanID?, provider: TracerProvider,
        scopeName: String, session: Attributes, attributes: Attributes
    ) {
        self.provider = provider
        data = SpanData.Storage(
            name: name, context: context, parentSpanID: parentSpanID, startNanos: WallClock.nowNanos(),
            endNanos: 0, attributes: attributes, session: session, resource: provider.resource,
            scopeName: scopeName)
    }

    /// This span's context: what children use as their parent.
    public var context: SpanContext { data.context }
    /// The parent span's ID, or `nil` for a root.
    public var parentSpanID: SpanID? { data.parentSpanID }
    /// The span's name.
    public var name: String { data.name }
    /// Start time, nanoseconds since the Unix epoch.
    public var startNanos: UInt64 { data.startNanos }

    /// Sets an attribute; ignored after the span has ended.
    public func setAttribute(_ key: String, _ value: AttributeValue) {
        // Announce the write before taking the lock: an `end()` that does not see the flag ran its
        // atomic step first, so the `ended` check below sees it.
        flags.bitwiseOr(Flags.mutated, ordering: .sequentiallyConsistent)
        mutated.withLock { attributes in
            guard flags.load(ordering: .sequentiallyConsistent) & Flags.ended == 0 else { return }
            var updated = attributes ?? data.attributes
            updated[key] = value
            attributes = updated
        }
    }

    /// Whether ``end()`` has been called.
    public var isEnded: Bool { flags.load(ordering: .acquiring) & Flags.ended != 0 }

    /// Ends the span and passes it to the provider's processors. Later calls do nothing.
    public func end() {
        let before = flags.bitwiseOr(Flags.ended, ordering: .sequentiallyConsistent).oldValue
        guard before & Flags.ended == 0 else { return }
        if before & Flags.mutated != 0, let attributes = mutated.withLock({ $0 }) {
            data.attributes = attributes
        }
        data.endNanos = WallClock.nowNanos()
        provider.spanEnded(SpanData(storage: data))
    }
}
