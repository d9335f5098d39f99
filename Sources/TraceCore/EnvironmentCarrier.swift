import Foundation

/// Carries trace context across a process hop in environment variables: `TRACEPARENT` and
/// `TRACESTATE`, with the same validation as the HTTP headers.
///
/// ```swift
/// // parent process
/// var environment = ProcessInfo.processInfo.environment
/// EnvironmentCarrier.inject(TraceContext.current, into: &environment)
/// // spawn the child with `environment`
///
/// // child process
/// let parent = EnvironmentCarrier.extract()
/// TraceContext.withContext(parent) { tracer.withSpan("child-process") { _ in } }
/// ```
public enum EnvironmentCarrier {
    /// The variable holding the `traceparent` value.
    public static let traceparentVariable = "TRACEPARENT"
    /// The variable holding the `tracestate` value.
    public static let tracestateVariable = "TRACESTATE"

    /// The context in `environment` (by default this process's), or `existing` if there is none or it
    /// is invalid; rejections are counted by `propagator`.
    public static func extract(
        from environment: [String: String] = ProcessInfo.processInfo.environment,
        existing: SpanContext? = nil, propagator: W3CTraceContextPropagator = .shared
    ) -> SpanContext? {
        propagator.extract(
            traceparent: environment[traceparentVariable], tracestate: environment[tracestateVariable],
            existing: existing)
    }

    /// Writes `context` into a child's `environment`.
    ///
    /// Variables that no longer apply are removed: with a `nil` or invalid context both are removed (a
    /// copied environment must not pass this process's own parent on as stale), and `TRACESTATE` is
    /// removed when the trace state is empty.
    public static func inject(_ context: SpanContext?, into environment: inout [String: String]) {
        guard let context, context.isValid else {
            environment[traceparentVariable] = nil
            environment[tracestateVariable] = nil
            return
        }
        environment[traceparentVariable] = W3CTraceContextPropagator.traceparent(for: context)
        environment[tracestateVariable] = context.traceState.isEmpty ? nil : context.traceState.headerValue
    }
}
