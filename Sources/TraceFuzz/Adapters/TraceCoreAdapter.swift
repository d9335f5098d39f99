import TraceCore

/// The reference tracer, TraceCore, as a ``TracerAdapter``: one ``TracerProvider`` per scenario instance,
/// each with its own in-memory exporter and a session attribute naming the instance.
public struct TraceCoreAdapter: TracerAdapter {
    /// The session attribute that names the instance a span was made by.
    public static let instanceAttribute = "tracefuzz.instance"

    /// The providers, by instance.
    public let providers: [TracerProvider]
    /// The exporters the harness reads, by instance.
    public let exporters: [InMemorySpanExporter]
    private let tracers: [Tracer]
    private let propagator = W3CTraceContextPropagator()

    /// Creates one provider per configuration, with IDs seeded from `seed`.
    public init(instances: [TracerInstanceConfig], seed: UInt64) {
        var providers: [TracerProvider] = []
        var exporters: [InMemorySpanExporter] = []
        for (index, config) in instances.enumerated() {
            let exporter = InMemorySpanExporter()
            let provider = TracerProvider(
                resource: Resource(attributes: ["service.name": .string("instance-\(index)")]),
                processors: [Self.processor(config, exporter: exporter)],
                idGenerator: CounterIDGenerator(seed: SplitMix64.mix(seed &+ UInt64(index))))
            provider.enrichSession([Self.instanceAttribute: .int(Int64(index))])
            providers.append(provider)
            exporters.append(exporter)
        }
        self.providers = providers
        self.exporters = exporters
        self.tracers = providers.map { $0.tracer("tracefuzz") }
    }

    /// How long a batch processor lets spans wait: short, so background exports race with flushes.
    static let batchScheduleDelay = Duration.milliseconds(2)

    private static func processor(_ config: TracerInstanceConfig, exporter: InMemorySpanExporter) -> any SpanProcessor {
        switch config.processor {
        case .simple:
            return SimpleSpanProcessor(exporter: exporter)
        case .batch:
            return BatchSpanProcessor(
                exporter: exporter, maxQueueSize: config.maxQueueSize, maxExportBatchSize: config.maxExportBatchSize,
                scheduleDelay: batchScheduleDelay,
                dropPolicy: config.dropPolicy == .dropOldest ? .dropOldest : .dropNewest)
        }
    }

    /// Runs `body` in a span of `instance`'s tracer.
    public func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        tracers[instance].withSpan(label) { _ in body() }
    }

    /// Runs async `body` in a span of `instance`'s tracer.
    public func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await tracers[instance].withSpan(label) { _ in await body() }
    }

    /// The current span context's IDs.
    public func currentSpan() -> SpanIdentity? {
        TraceContext.current.map { SpanIdentity(traceID: $0.traceID.hexString, spanID: $0.spanID.hexString) }
    }

    /// The current span context, a value.
    public func capture() -> SpanContext? { TraceContext.current }

    /// Restores a captured context around `body`.
    public func withRestored(_ context: SpanContext?, _ body: () -> Void) {
        TraceContext.withContext(context, body)
    }

    /// Restores a captured context around async `body`.
    public func withRestored(_ context: SpanContext?, _ body: () async -> Void) async {
        await TraceContext.withContext(context, body)
    }

    /// The current context as W3C `traceparent`/`tracestate` headers.
    public func inject() -> [String: String] {
        var headers: [String: String] = [:]
        propagator.inject(TraceContext.current, into: &headers)
        return headers
    }

    private func extract(_ headers: [String: String]) -> SpanContext? {
        propagator.extract(from: headers)
    }

    /// Runs `body` with the context extracted from `headers` as current.
    public func withExtracted(_ headers: [String: String], _ body: () -> Void) {
        TraceContext.withContext(extract(headers), body)
    }

    /// Runs async `body` with the context extracted from `headers` as current.
    public func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await TraceContext.withContext(extract(headers), body)
    }

    /// The current context through TraceCore's environment carrier: `TRACEPARENT`, `TRACESTATE`.
    public func injectEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        EnvironmentCarrier.inject(TraceContext.current, into: &environment)
        return environment
    }

    /// Runs async `body` with the context TraceCore's environment carrier reads from `environment`.
    public func withExtractedEnvironment(_ environment: [String: String], _ body: () async -> Void) async {
        await TraceContext.withContext(
            EnvironmentCarrier.extract(from: environment, propagator: propagator), body)
    }

    /// Force-flushes one provider. TraceCore's flush blocks its caller, so it waits off the cooperative pool.
    public func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        let provider = providers[instance]
        return await offCooperativePool { FlushOutcome(provider.forceFlush(timeout: timeout)) }
    }

    /// Shuts one provider down, off the cooperative pool.
    public func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        let provider = providers[instance]
        return await offCooperativePool { FlushOutcome(provider.shutdown(timeout: timeout)) }
    }

    /// Every span every exporter holds, tagged with its instance.
    public func exportedSpans() -> [ExportedSpan] {
        var result: [ExportedSpan] = []
        for (instance, exporter) in exporters.enumerated() {
            for span in exporter.finishedSpans() {
                result.append(Self.exported(span, by: instance))
            }
        }
        return result
    }

    /// Spans one provider dropped.
    public func droppedSpans(instance: Int) -> Int { providers[instance].droppedSpanCount }

    /// A ``TracedThreadPool`` of `width` threads.
    public func propagatingExecutor(width: Int) -> (any WorkExecutor)? {
        TracedPoolWorkExecutor(width: width)
    }

    static func exported(_ span: SpanData, by instance: Int) -> ExportedSpan {
        var session: Int?
        if case .int(let value)? = span.session[instanceAttribute] { session = Int(value) }
        return ExportedSpan(
            label: span.name,
            identity: SpanIdentity(traceID: span.context.traceID.hexString, spanID: span.context.spanID.hexString),
            parentSpanID: span.parentSpanID?.hexString, exportedBy: instance, sessionInstance: session,
            startNanos: span.startNanos, endNanos: span.endNanos)
    }
}

/// Makes a fresh ``TraceCoreAdapter`` per run.
public struct TraceCoreAdapterFactory: TracerAdapterFactory {
    /// Creates the factory.
    public init() {}

    /// `TraceCore`.
    public var name: String { "TraceCore" }

    /// Everything: a traced pool of its own, seeded IDs, counted drops, sessions, unique IDs.
    public var capabilities: TracerCapabilities { .all }

    /// A fresh adapter: new providers and exporters, IDs seeded from `seed`.
    public func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> TraceCoreAdapter {
        TraceCoreAdapter(instances: instances, seed: seed)
    }
}

extension FlushOutcome {
    /// Maps TraceCore's flush result.
    public init(_ result: FlushResult) {
        switch result {
        case .success: self = .success
        case .timeout: self = .timeout
        case .failure: self = .failure
        }
    }
}

/// TraceCore's ``TracedThreadPool`` as a ``WorkExecutor`` that propagates context by itself.
struct TracedPoolWorkExecutor: WorkExecutor {
    let pool: TracedThreadPool

    init(width: Int) { pool = TracedThreadPool(threads: width, name: "tracefuzz-traced-pool") }

    var propagatesContext: Bool { true }

    func submit(_ work: @escaping @Sendable () -> Void) { _ = pool.execute(work) }

    func shutdown() { pool.shutdown(.drain) }
}
