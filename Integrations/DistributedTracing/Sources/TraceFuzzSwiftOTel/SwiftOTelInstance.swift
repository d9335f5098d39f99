import Logging
import OTLPLoopback
import OTel
import ServiceLifecycle
import TraceFuzz
import TracerFlush
import Tracing

/// One swift-otel tracing backend as swift-otel's README sets one up: `OTel.makeTracingBackend` with its
/// OTLP/HTTP exporter (JSON) pointed at a sink of the shared ``OTLPLoopbackReceiver``, its service run in
/// a `ServiceGroup`, its diagnostic log read by a ``FlushTracker``.
final class SwiftOTelInstance: Sendable {
    /// The tracer `makeTracingBackend` returned.
    let tracer: any Tracing.Tracer
    /// Where its exporter's requests land.
    let sink: OTLPSpanSink
    private let tracker: FlushTracker
    private let group: ServiceGroup
    private let receiver: OTLPLoopbackReceiver

    /// The resource attribute naming the instance: the span's session, as the receiver sees it.
    static let instanceAttribute = "tracefuzz.instance"

    /// How long the batch processor waits between scheduled exports: longer than any run, so every
    /// export within a run is a flush's and the flush tracker can tell when a flush is done.
    static let scheduleDelay = Duration.seconds(3600)

    init(index: Int, config: TracerInstanceConfig, receiver: OTLPLoopbackReceiver) throws {
        let sink = receiver.makeSink()
        let tracker = FlushTracker(maxExportBatchSize: config.maxExportBatchSize)
        var configuration = OTel.Configuration.default
        configuration.serviceName = "tracefuzz-instance-\(index)"
        configuration.resourceAttributes = [Self.instanceAttribute: "\(index)"]
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.diagnosticLogger = .custom(
            Logger(label: "swift-otel") { _ in SwiftOTelFlushLog(tracker: tracker) })
        configuration.diagnosticLogLevel = .debug
        configuration.traces.otlpExporter.endpoint = sink.endpoint
        configuration.traces.otlpExporter.protocol = .httpJSON
        configuration.traces.batchSpanProcessor.scheduleDelay = Self.scheduleDelay
        configuration.traces.batchSpanProcessor.maxQueueSize = config.maxQueueSize
        configuration.traces.batchSpanProcessor.maxExportBatchSize = min(config.maxExportBatchSize, config.maxQueueSize)
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        let group = ServiceGroup(
            services: [backend.service],
            logger: Logger(label: "tracefuzz-swift-otel") { _ in SwiftLogNoOpLogHandler() })
        self.tracer = backend.factory
        self.sink = sink
        self.tracker = tracker
        self.group = group
        self.receiver = receiver
        Task {
            try? await group.run()
            tracker.groupDidFinish()
        }
    }

    /// Calls `forceFlush()` and waits until the batch processor has finished that flush.
    func flush(timeout: Duration) async -> FlushOutcome {
        guard let number = tracker.request({ forceFlush(tracer) }) else { return .failure }
        return await tracker.outcome(of: number, timeout: timeout)
    }

    /// Shuts the service group down gracefully (the processor drains its intake, flushes, and closes the
    /// exporter) and waits for it to return.
    func shutdown(timeout: Duration) async -> FlushOutcome {
        if tracker.beginShutdown() { await group.triggerGracefulShutdown() }
        return await tracker.groupFinished(timeout: timeout) ? .success : .timeout
    }

    /// Shuts down if nothing did yet, waits for the group, and stops routing to the sink.
    func tearDown(timeout: Duration) async {
        _ = await shutdown(timeout: timeout)
        receiver.remove(sink)
    }

    /// Notes a span about to end (see ``droppedSpans``).
    func willEnd(_ label: String) { tracker.willEnd(label) }

    /// The spans swift-otel provably dropped: those that ended after the shutdown began and were never
    /// exported, counted once its services have stopped (the tracer's event stream is finished by then,
    /// so nothing will export them). A span that ended *before* the shutdown and is missing is never
    /// counted: that is a loss. Drops of a full queue are not visible through the public API.
    func droppedSpans() -> Int {
        guard let late = tracker.settledAfterShutdown, !late.isEmpty else { return 0 }
        let exported = Set(sink.spans().map(\.name))
        return late.subtracting(exported).count
    }

    /// What the receiver got from this instance, tagged with `instance`.
    func exportedSpans(instance: Int) -> [ExportedSpan] {
        sink.spans().map { span in
            ExportedSpan(
                label: span.name, identity: SpanIdentity(traceID: span.traceID, spanID: span.spanID),
                parentSpanID: span.parentSpanID, exportedBy: instance,
                sessionInstance: span.resourceAttributes[Self.instanceAttribute].flatMap { Int($0) })
        }
    }
}
