/// Starts spans for one instrumentation scope of one ``TracerProvider``.
///
/// Parent linkage follows the ambient ``TraceContext/current`` (OpenTelemetry semantics), whichever
/// provider made the parent; the span itself belongs to this tracer's provider.
///
/// ```swift
/// let tracer = provider.tracer("checkout")
/// tracer.withSpan("charge") { span in
///     span.setAttribute("amount", 42)
/// }
/// ```
public struct Tracer: Sendable {
    /// The provider that owns spans started here.
    public let provider: TracerProvider
    /// The instrumentation scope name.
    public let scopeName: String

    /// Starts a span under `parent` (by default the current context) without making it current.
    ///
    /// An invalid parent is ignored: the span becomes a root of a new trace.
    public func startSpan(
        _ name: String, parent: SpanContext? = TraceContext.current, attributes: Attributes = [:]
    ) -> Span {
        let context: SpanContext
        let parentSpanID: SpanID?
        if let parent, parent.isValid {
            context = SpanContext(
                traceID: parent.traceID, spanID: provider.idGenerator.nextSpanID(), flags: parent.flags,
                traceState: parent.traceState)
            parentSpanID = parent.spanID
        } else {
            context = SpanContext(
                traceID: provider.idGenerator.nextTraceID(), spanID: provider.idGenerator.nextSpanID())
            parentSpanID = nil
        }
        return Span(
            name: name, context: context, parentSpanID: parentSpanID, provider: provider,
            scopeName: scopeName, session: provider.session, attributes: attributes)
    }

    /// Runs `body` inside a new span that is current for its duration, then ends the span.
    public func withSpan<R>(
        _ name: String, attributes: Attributes = [:], _ body: (Span) throws -> R
    ) rethrows -> R {
        let span = startSpan(name, attributes: attributes)
        defer { span.end() }
        return try TraceContext.withContext(span.context) { try body(span) }
    }

    /// Runs async `body` inside a new span that is current for its duration, then ends the span.
    public func withSpan<R>(
        _ name: String, attributes: Attributes = [:], isolation: isolated (any Actor)? = #isolation,
        _ body: (Span) async throws -> R
    ) async rethrows -> R {
        let span = startSpan(name, attributes: attributes)
        defer { span.end() }
        return try await TraceContext.withContext(span.context, isolation: isolation) { try await body(span) }
    }
}
