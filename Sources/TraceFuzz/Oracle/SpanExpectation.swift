/// Where the oracle says one span must land.
public struct SpanExpectation: Hashable, Sendable, Codable {
    /// The span's label.
    public var label: String
    /// The instance that makes (and alone must export) it.
    public var instance: Int
    /// The label of its expected parent, or `nil` for a root of a new trace.
    public var parent: String?
    /// The label of the root span whose trace this span must share.
    public var traceRoot: String
    /// Where the span runs, for messages: `top`, or the chain of hops such as `h1.t0 pool/fresh`.
    public var site: String
    /// The position of the expected parent in the oracle's list, or `nil` for a root.
    public var parentIndex: Int?
    /// The position of the trace root in the oracle's list (its own position for a root).
    public var traceRootIndex: Int
}
