public import TraceFuzz
public import Tracing

/// Reads a span's IDs out of a `ServiceContext` the portable way: ask the tracer to inject the context,
/// and parse the W3C `traceparent` it writes. For tracers whose span context key is not public.
public enum W3CSpanIdentity {
    /// The trace and span ID in `context`'s `traceparent`, as `tracer` injects it, or `nil` when it
    /// injects none (no span) or a malformed one.
    public static func of(_ context: ServiceContext, injectedBy tracer: any Tracer) -> SpanIdentity? {
        var headers: [String: String] = [:]
        tracer.inject(context, into: &headers, using: DictionaryInjector())
        return headers["traceparent"].flatMap(parse)
    }

    /// `00-<32 hex trace ID>-<16 hex span ID>-<2 hex flags>` as an identity, or `nil`.
    public static func parse(_ traceparent: String) -> SpanIdentity? {
        let fields = traceparent.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 4, fields[1].utf8.count == 32, fields[2].utf8.count == 16 else { return nil }
        return SpanIdentity(traceID: String(fields[1]), spanID: String(fields[2]))
    }
}
