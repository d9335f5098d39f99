import Synchronization

/// Injects and extracts W3C Trace Context (`traceparent`, `tracestate`) through header dictionaries.
///
/// Extraction validates per the spec: lowercase hex only; version `ff` invalid; all-zero trace or
/// parent IDs invalid; exact field lengths and `-` separators; version `00` has exactly four fields,
/// and a higher version is read by its first four fields if what follows starts with `-`. Unknown flag
/// bits are dropped (only ``TraceFlags/sampled`` and ``TraceFlags/randomTraceID`` are kept). Spaces and
/// tabs around a header value are ignored. A bad `tracestate` alone is ignored without invalidating the
/// `traceparent`; a bad `traceparent` makes the whole header set ignored.
///
/// A bad header never throws and never overwrites the context you pass as `existing`: `extract`
/// returns it unchanged. Every rejection is counted (see ``rejectionCounts()``).
///
/// ```swift
/// let propagator = W3CTraceContextPropagator()
/// var headers: [String: String] = [:]
/// propagator.inject(span.context, into: &headers)
/// // headers["traceparent"] == "00-<trace>-<span>-01"
/// let remote = propagator.extract(from: incoming, existing: TraceContext.current)
/// TraceContext.withContext(remote) { tracer.withSpan("handle") { _ in } }
/// ```
public final class W3CTraceContextPropagator: Sendable {
    /// The header carrying version, trace ID, parent ID and flags.
    public static let traceparentHeader = "traceparent"
    /// The header carrying vendor key/value pairs.
    public static let tracestateHeader = "tracestate"

    /// A process-wide propagator, for code that does not need its own rejection counts.
    public static let shared = W3CTraceContextPropagator()

    private let rejections = StateLock([W3CRejection: Int]())

    /// Creates a propagator with zeroed rejection counts.
    public init() {}

    /// Writes `traceparent` (and `tracestate`, if not empty) for `context` into `headers`.
    ///
    /// Header names are written in lowercase, replacing any spelling of them already present. A `nil`
    /// or invalid context leaves `headers` unchanged.
    public func inject(_ context: SpanContext?, into headers: inout [String: String]) {
        guard let context, context.isValid else { return }
        Self.removeAllSpellings(of: Self.traceparentHeader, from: &headers)
        Self.removeAllSpellings(of: Self.tracestateHeader, from: &headers)
        headers[Self.traceparentHeader] = Self.traceparent(for: context)
        if !context.traceState.isEmpty { headers[Self.tracestateHeader] = context.traceState.headerValue }
    }

    /// The remote context carried by `headers` (names matched case-insensitively), or `existing` if
    /// there is no `traceparent` or it is invalid.
    public func extract(from headers: [String: String], existing: SpanContext? = nil) -> SpanContext? {
        let traceparent = Self.lookup(Self.traceparentHeader, in: headers)
        if case .conflicting = traceparent {
            record(.conflictingHeaders)
            return existing
        }
        guard case .value(let traceparentValue) = traceparent else { return existing }
        let tracestate: String?
        switch Self.lookup(Self.tracestateHeader, in: headers) {
        case .absent: tracestate = nil
        case .value(let value): tracestate = value
        case .conflicting:
            return extract(
                traceparent: traceparentValue, tracestate: nil, existing: existing,
                tracestateRejection: .conflictingHeaders)
        }
        return extract(traceparent: traceparentValue, tracestate: tracestate, existing: existing)
    }

    /// The remote context for raw `traceparent` and `tracestate` values, or `existing` if `traceparent`
    /// is absent or invalid. Carriers other than header dictionaries build on this.
    public func extract(traceparent: String?, tracestate: String?, existing: SpanContext? = nil)
        -> SpanContext?
    {
        extract(
            traceparent: traceparent, tracestate: tracestate, existing: existing, tracestateRejection: nil)
    }

    /// How many headers were rejected, in total.
    public var rejectedCount: Int { rejections.withLock { $0.values.reduce(0, +) } }

    /// How many headers were rejected, by reason.
    public func rejectionCounts() -> [W3CRejection: Int] { rejections.withLock { $0 } }

    /// Sets every rejection count back to zero.
    public func resetCounts() { rejections.withLock { $0.removeAll() } }

    private func extract(
        traceparent: String?, tracestate: String?, existing: SpanContext?, tracestateRejection: W3CRejection?
    ) -> SpanContext? {
        guard let traceparent else { return existing }
        var context: SpanContext
        switch Self.parseTraceparent(traceparent) {
        case .failure(let rejection):
            record(rejection)
            return existing
        case .success(let parsed): context = parsed
        }
        if let tracestateRejection { record(tracestateRejection) }
        if let tracestate {
            switch TraceState.parse(String(Substring(tracestate).trimmingOptionalWhitespace())) {
            case .success(let state): context.traceState = state
            case .failure(let rejection): record(rejection)
            }
        }
        return context
    }

    private func record(_ rejection: W3CRejection) {
        rejections.withLock { $0[rejection, default: 0] += 1 }
    }
}

extension W3CTraceContextPropagator {
    /// Parses a `traceparent` value into a remote context with an empty trace state.
    ///
    /// ```swift
    /// W3CTraceContextPropagator.parseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    /// // .success(4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7, sampled)
    /// ```
    public static func parseTraceparent(_ value: String) -> Result<SpanContext, W3CRejection> {
        let bytes = Array(Substring(value).trimmingOptionalWhitespace().utf8)
        guard bytes.count >= 55 else { return .failure(.wrongLength) }
        guard let version = HexCoding.parse(bytes[0..<2]) else { return .failure(.badHex) }
        guard version != 0xff else { return .failure(.invalidVersion) }
        if version == 0, bytes.count != 55 { return .failure(.wrongLength) }
        if bytes.count > 55, bytes[55] != UInt8(ascii: "-") { return .failure(.badSeparator) }
        let dash = UInt8(ascii: "-")
        guard bytes[2] == dash, bytes[35] == dash, bytes[52] == dash else { return .failure(.badSeparator) }
        guard let high = HexCoding.parse(bytes[3..<19]), let low = HexCoding.parse(bytes[19..<35]),
            let parent = HexCoding.parse(bytes[36..<52]), let flags = HexCoding.parse(bytes[53..<55])
        else { return .failure(.badHex) }
        let traceID = TraceID(high: high, low: low)
        guard traceID.isValid else { return .failure(.zeroTraceID) }
        guard parent != 0 else { return .failure(.zeroParentID) }
        return .success(
            SpanContext(
                traceID: traceID, spanID: SpanID(parent),
                flags: TraceFlags(rawValue: UInt8(flags)).intersection(.known), isRemote: true))
    }

    /// The version-`00` `traceparent` value for `context`, with only the known flag bits.
    public static func traceparent(for context: SpanContext) -> String {
        let flags = context.flags.intersection(.known).rawValue
        let hexDigits = Array("0123456789abcdef")
        return "00-\(context.traceID.hexString)-\(context.spanID.hexString)-"
            + String([hexDigits[Int(flags >> 4)], hexDigits[Int(flags & 0xf)]])
    }

    fileprivate enum Lookup {
        case absent
        case value(String)
        case conflicting
    }

    /// The value of header `name` (lowercase) under any spelling; conflicting if spellings disagree.
    fileprivate static func lookup(_ name: String, in headers: [String: String]) -> Lookup {
        var found = headers[name]
        for (key, value) in headers where key.utf8.count == name.utf8.count && key != name {
            guard key.lowercased() == name else { continue }
            if let existing = found, existing != value { return .conflicting }
            found = value
        }
        return found.map(Lookup.value) ?? .absent
    }

    private static func removeAllSpellings(of name: String, from headers: inout [String: String]) {
        for key in headers.keys where key.utf8.count == name.utf8.count && key.lowercased() == name {
            headers[key] = nil
        }
    }
}
