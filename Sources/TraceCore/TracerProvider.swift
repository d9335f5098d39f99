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
    private let state: StateLock<State>
    /// Read on every span end without the lock. A span that passes this check while shutdown begins
    /// is handed to the processors, which count it as dropped if they already stopped.
    private let isShutdown = Atomic(false)
    private let droppedAfterShutdown = Atomic(0)
    /// The address of the newest ``SessionSnapshot``, read on every span start without the lock.
    private let currentSession: Atomic<UInt>

    private struct State {
        /// Every snapshot ever published, oldest first: keeping them alive for the provider's lifetime
        /// is what lets readers use ``currentSession`` without retaining (one small object per
        /// `enrichSession` call).
        var sessions: [SessionSnapshot]
    }

    /// One immutable version of the session attributes.
    private final class SessionSnapshot: Sendable {
        let attributes: Attributes
        init(_ attributes: Attributes) { self.attributes = attributes }
        var address: UInt { UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque()) }
    }

    /// Creates a provider.
    public init(
        resource: Resource = Resource(), processors: [any SpanProcessor],
        idGenerator: any IDGenerator = CounterIDGenerator.random()
    ) {
        self.resource = resource
        self.processors = processors
        self.idGenerator = idGenerator
        let empty = SessionSnapshot([:])
        currentSession = Atomic(empty.address)
        state = StateLock(State(sessions: [empty]))
    }

    /// A tracer for one instrumentation scope.
    public func tracer(_ scopeName: String = "") -> Tracer {
        Tracer(provider: self, scopeName: scopeName)
    }

    /// Merges attributes into the session; spans started afterwards carry them.
    public func enrichSession(_ attributes: Attributes) {
        state.withLock { state in
            let merged = state.sessions[state.sessions.count - 1].attributes.merging(attributes) { _, new in
                new
            }
            let snapshot = SessionSnapshot(merged)
            state.sessions.append(snapshot)
            currentSession.store(snapshot.address, ordering: .releasing)
        }
    }

    /// The session attributes new spans will carry.
    public var session: Attributes {
        let address = UnsafeRawPointer(bitPattern: currentSession.load(ordering: .acquiring))!
        return Unmanaged<SessionSnapshot>.fromOpaque(address)._withUnsafeGuaranteedRef { $0.attributes }
    }

    /// Flushes every processor in order; the worst result wins.
    public func forceFlush(timeout: Duration = .seconds(30)) -> FlushResult {
        processors.reduce(FlushResult.success) { worst, processor in
            Self.worse(worst, processor.forceFlush(timeout: timeout))
        }
    }

    /// Shuts down every processor (flushing first); later spans are dropped and counted.
    ///
    /// Idempotent, and honest when called again or concurrently: every call waits for the shutdown in
    /// progress to finish (within `timeout`) and reports its result, so `.success` always means every span
    /// that ended before the call began has been exported or counted as dropped.
    public func shutdown(timeout: Duration = .seconds(30)) -> FlushResult {
        isShutdown.store(true, ordering: .releasing)
        return processors.reduce(FlushResult.success) { worst, processor in
            Self.worse(worst, processor.shutdown(timeout: timeout))
        }
    }

    /// Spans dropped by this provider after shutdown, plus those its processors dropped.
    public var droppedSpanCount: Int {
        droppedAfterShutdown.load(ordering: .relaxed) + processors.reduce(0) { $0 + $1.droppedSpanCount }
    }

    func spanEnded(_ span: SpanData) {
        guard !isShutdown.load(ordering: .acquiring) else {
            droppedAfterShutdown.add(1, ordering: .relaxed)
            return
        }
        // Indexing rather than `for … in` calls each processor in place, without copying the existential.
        for index in processors.indices { processors[index].onEnd(span) }
    }

    private static func worse(_ a: FlushResult, _ b: FlushResult) -> FlushResult {
        switch (a, b) {
        case (.failure, _), (_, .failure): .failure
        case (.timeout, _), (_, .timeout): .timeout
        default: .success
        }
    }
}
