import Synchronization

/// One tracer instance: its own processors, exporter, resource, session attributes and IDs.
///
/// Several providers can live in one process. A span belongs to the provider whose tracer started
/// it: only that provider's processors see it, and it carries that provider's session attributes,
/// even when its parent was made by another provider.
///
/// ```swift
/// let exporter = InMemorySpanExporter()
/// let provider = TracerProvider(
///     resource: Resource(attributes: ["service.name": "checkout"]),
///     processors: [SimpleSpanProcessor(exporter: exporter)])
/// provider.enrichSession(["tenant": "acme"])
/// provider.tracer("http").withSpan("GET /") { _ in }
/// _ = provider.forceFlush()
/// ```
public final class TracerProvider: Sendable {
    /// The resource stamped on every span.
    public let resource: Resource
    /// Where span and trace IDs come from.
    public let idGenerator: any IDGenerator
    private let processors: [any SpanProcessor]
    private let state = StateLock(State())

    private struct State {
        var session: Attributes = [:]
        var isShutdown = false
        var droppedAfterShutdown = 0
    }

    /// Creates a provider.
    public init(
        resource: Resource = Resource(), processors: [any SpanProcessor],
        idGenerator: any IDGenerator = CounterIDGenerator.random()
    ) {
        self.resource = resource
        self.processors = processors
        self.idGenerator = idGenerator
    }

    /// A tracer for one instrumentation scope.
    public func tracer(_ scopeName: String = "") -> Tracer {
        Tracer(provider: self, scopeName: scopeName)
    }

    /// Merges attributes into the session; spans started afterwards carry them.
    public func enrichSession(_ attributes: Attributes) {
        state.withLock { $0.session.merge(attributes) { _, new in new } }
    }

    /// The session attributes new spans will carry.
    public var session: Attributes { state.withLock { $0.session } }

    /// Flushes every processor in order; the worst result wins.
    public func forceFlush(timeout: Duration = .seconds(30)) -> FlushResult {
        processors.reduce(FlushResult.success) { worst, processor in
            Self.worse(worst, processor.forceFlush(timeout: timeout))
        }
    }

    /// Shuts down every processor (flushing first); later spans are dropped and counted. Idempotent.
    public func shutdown(timeout: Duration = .seconds(30)) -> FlushResult {
        let first = state.withLock { state in
            defer { state.isShutdown = true }
            return !state.isShutdown
        }
        guard first else { return .success }
        return processors.reduce(FlushResult.success) { worst, processor in
            Self.worse(worst, processor.shutdown(timeout: timeout))
        }
    }

    /// Spans dropped by this provider after shutdown, plus those its processors dropped.
    public var droppedSpanCount: Int {
        state.withLock { $0.droppedAfterShutdown } + processors.reduce(0) { $0 + $1.droppedSpanCount }
    }

    func spanEnded(_ span: SpanData) {
        let accepted = state.withLock { state in
            if state.isShutdown { state.droppedAfterShutdown += 1 }
            return !state.isShutdown
        }
        guard accepted else { return }
        for processor in processors { processor.onEnd(span) }
    }

    private static func worse(_ a: FlushResult, _ b: FlushResult) -> FlushResult {
        switch (a, b) {
        case (.failure, _), (_, .failure): .failure
        case (.timeout, _), (_, .timeout): .timeout
        default: .success
        }
    }
}
