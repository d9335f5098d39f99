import TraceCore
import TraceFuzz

/// TraceCore wired as ``TraceCoreAdapter`` wires it, with two parts replaceable: the batch span processor
/// and the executor behind `tracedPool` hops. A mutant changes one part and keeps everything else
/// correct, so what the harness finds is the planted bug and nothing else.
///
/// With nothing replaced it is a correct adapter in its own right (the mutants tests check that it
/// passes the same budget as TraceCore).
struct MutantCore: TracerAdapter {
    /// Makes the span processor of a `batch` instance.
    typealias BatchProcessorMaker =
        @Sendable (TracerInstanceConfig, InMemorySpanExporter) -> any SpanProcessor
    /// Makes the executor of a `tracedPool` hop, given its width.
    typealias PoolMaker = @Sendable (Int) -> (any WorkExecutor)?

    /// How long a batch processor lets spans wait, as in ``TraceCoreAdapter``: short, so background
    /// exports race with flushes.
    static let batchScheduleDelay = Duration.milliseconds(2)

    /// The providers, by instance.
    let providers: [TracerProvider]
    /// The exporters the harness reads, by instance.
    let exporters: [InMemorySpanExporter]
    /// One tracer per instance.
    let tracers: [Tracer]
    /// The processor of each instance, as made.
    let processors: [any SpanProcessor]
    /// Unique to this run: tags what the run's mutants leave in thread slots.
    let runID = RunIdentity.next()
    private let propagator = W3CTraceContextPropagator()
    private let makePool: PoolMaker

    /// TraceCore for `instances`, IDs seeded from `seed`; `batch` and `pool` replace those parts.
    init(
        instances: [TracerInstanceConfig], seed: UInt64, batch: BatchProcessorMaker? = nil,
        pool: PoolMaker? = nil
    ) {
        var providers: [TracerProvider] = []
        var exporters: [InMemorySpanExporter] = []
        var processors: [any SpanProcessor] = []
        for (index, config) in instances.enumerated() {
            let exporter = InMemorySpanExporter()
            let processor = Self.processor(config, exporter: exporter, batch: batch)
            let provider = TracerProvider(
                resource: Resource(attributes: ["service.name": .string("instance-\(index)")]),
                processors: [processor],
                idGenerator: CounterIDGenerator(seed: SplitMix64.mix(seed &+ UInt64(index))))
            provider.enrichSession([TraceCoreAdapter.instanceAttribute: .int(Int64(index))])
            providers.append(provider)
            exporters.append(exporter)
            processors.append(processor)
        }
        self.providers = providers
        self.exporters = exporters
        self.processors = processors
        self.tracers = providers.map { $0.tracer("tracefuzz") }
        self.makePool = pool ?? { width in MutantPoolExecutor(width: width, propagation: .everySubmit) }
    }

    private static func processor(
        _ config: TracerInstanceConfig, exporter: InMemorySpanExporter, batch: BatchProcessorMaker?
    ) -> any SpanProcessor {
        switch config.processor {
        case .simple:
            return SimpleSpanProcessor(exporter: exporter)
        case .batch:
            if let batch { return batch(config, exporter) }
            return batchProcessor(config, exporter: exporter)
        }
    }

    /// TraceCore's batch processor for `config`, exporting to `exporter`, as ``TraceCoreAdapter`` makes it
    /// (unless `scheduleDelay` says otherwise).
    static func batchProcessor(
        _ config: TracerInstanceConfig, exporter: some SpanExporter, scheduleDelay: Duration = batchScheduleDelay
    ) -> BatchSpanProcessor {
        BatchSpanProcessor(
            exporter: exporter, maxQueueSize: config.maxQueueSize, maxExportBatchSize: config.maxExportBatchSize,
            scheduleDelay: scheduleDelay,
            dropPolicy: config.dropPolicy == .dropOldest ? .dropOldest : .dropNewest)
    }

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        tracers[instance].withSpan(label) { _ in body() }
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await tracers[instance].withSpan(label) { _ in await body() }
    }

    func currentSpan() -> SpanIdentity? { Self.identity(TraceContext.current) }

    func capture() -> SpanContext? { TraceContext.current }

    func withRestored(_ context: SpanContext?, _ body: () -> Void) { TraceContext.withContext(context, body) }

    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async {
        await TraceContext.withContext(context, body)
    }

    func inject() -> [String: String] { inject(TraceContext.current) }

    /// `context` as W3C headers.
    func inject(_ context: SpanContext?) -> [String: String] {
        var headers: [String: String] = [:]
        propagator.inject(context, into: &headers)
        return headers
    }

    /// The context W3C headers carry, if valid.
    func extract(_ headers: [String: String]) -> SpanContext? { propagator.extract(from: headers) }

    func withExtracted(_ headers: [String: String], _ body: () -> Void) {
        TraceContext.withContext(extract(headers), body)
    }

    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await TraceContext.withContext(extract(headers), body)
    }

    func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        let provider = providers[instance]
        return await offCooperativePool { FlushOutcome(provider.forceFlush(timeout: timeout)) }
    }

    func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        let provider = providers[instance]
        return await offCooperativePool { FlushOutcome(provider.shutdown(timeout: timeout)) }
    }

    func exportedSpans() -> [ExportedSpan] {
        var result: [ExportedSpan] = []
        for (instance, exporter) in exporters.enumerated() {
            for span in exporter.finishedSpans() {
                var session: Int?
                if case .int(let value)? = span.session[TraceCoreAdapter.instanceAttribute] {
                    session = Int(value)
                }
                result.append(
                    ExportedSpan(
                        label: span.name, identity: Self.identity(span.context)!,
                        parentSpanID: span.parentSpanID?.hexString, exportedBy: instance,
                        sessionInstance: session, startNanos: span.startNanos, endNanos: span.endNanos))
            }
        }
        return result
    }

    func droppedSpans(instance: Int) -> Int { providers[instance].droppedSpanCount }

    func propagatingExecutor(width: Int) -> (any WorkExecutor)? { makePool(width) }

    /// A span context's IDs as the harness sees them.
    static func identity(_ context: SpanContext?) -> SpanIdentity? {
        context.map { SpanIdentity(traceID: $0.traceID.hexString, spanID: $0.spanID.hexString) }
    }
}
