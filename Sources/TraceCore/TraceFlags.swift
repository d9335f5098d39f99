/// The `trace-flags` byte of a span context.
public struct TraceFlags: OptionSet, Hashable, Sendable {
    /// The raw byte.
    public let rawValue: UInt8

    /// Creates flags from the raw byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The caller may have recorded this trace (bit 0).
    public static let sampled = TraceFlags(rawValue: 0x01)
    /// The trace ID's right-most 7 bytes are random (Trace Context level 2, bit 1).
    public static let randomTraceID = TraceFlags(rawValue: 0x02)
    /// The bits this implementation understands; others are dropped when propagating.
    public static let known: TraceFlags = [.sampled, .randomTraceID]
}
