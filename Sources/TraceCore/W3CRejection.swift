/// Why ``W3CTraceContextPropagator`` rejected a `traceparent` or `tracestate` header.
///
/// A rejection never throws out of `extract`: it is counted, and the existing context is kept.
public enum W3CRejection: String, Error, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// `traceparent` is too short, or too long for version `00` (which has exactly four fields).
    case wrongLength
    /// A field is not separated by `-` where the format requires it.
    case badSeparator
    /// A field has a character other than `0-9a-f` (uppercase hex is invalid).
    case badHex
    /// The version is `ff`, which the spec forbids.
    case invalidVersion
    /// The trace ID is all zeros.
    case zeroTraceID
    /// The parent (span) ID is all zeros.
    case zeroParentID
    /// Several header names that differ only in case carry different values.
    case conflictingHeaders
    /// `tracestate` breaks the list grammar: a bad key, a bad value, a missing `=`, or a duplicate key.
    case malformedTracestate
    /// `tracestate` has more than ``TraceState/maxMembers`` members.
    case tooManyTracestateMembers

    /// The reason's name, for messages.
    public var description: String { rawValue }

    /// Whether this rejection concerns `tracestate` (the `traceparent` was still accepted).
    public var isTracestate: Bool { self == .malformedTracestate || self == .tooManyTracestateMembers }
}
