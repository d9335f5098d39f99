/// The identity of a span as it travels: trace, span, flags and trace state.
///
/// A span context is a value: capturing it copies it, so sharing one captured context across
/// many workers is safe by construction.
public struct SpanContext: Hashable, Sendable, CustomStringConvertible {
    /// The trace this span belongs to.
    public var traceID: TraceID
    /// This span's own ID.
    public var spanID: SpanID
    /// Sampling and randomness flags.
    public var flags: TraceFlags
    /// Vendor-specific `tracestate` entries.
    public var traceState: TraceState
    /// Whether this context was extracted from a carrier rather than made in this process.
    public var isRemote: Bool

    /// Creates a span context.
    public init(
        traceID: TraceID, spanID: SpanID, flags: TraceFlags = .sampled,
        traceState: TraceState = TraceState(), isRemote: Bool = false
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.flags = flags
        self.traceState = traceState
        self.isRemote = isRemote
    }

    /// Whether both IDs are valid (non-zero).
    public var isValid: Bool { traceID.isValid && spanID.isValid }

    /// `trace/span`, for messages.
    public var description: String { "\(traceID.hexString)/\(spanID.hexString)" }
}
