public import TraceFuzz
public import TraceFuzzDistributedTracing
public import Tracing

/// swift-otel 1.6.0, one tracing backend per instance, through its public API only, as a
/// ``TracingBackend``.
///
/// Each instance is `OTel.makeTracingBackend` with the OTLP/HTTP exporter (JSON) sending to a sink of a
/// receiver on 127.0.0.1, and its service running in a `ServiceGroup`. What the harness reads as
/// exported is what reached the receiver. Flush: `forceFlush()`, then wait until the batch processor has
/// finished that flush, as its diagnostic log tells (``SwiftOTelFactory`` explains why that is exact);
/// shutdown: the group's graceful shutdown, awaited. Drops: the spans that ended after a shutdown and
/// were never exported; a full queue's drops are not visible through the public API.
public struct SwiftOTelBackend: TracingBackend {
    private let instances: [SwiftOTelInstance]

    init(instances: [SwiftOTelInstance]) {
        self.instances = instances
    }

    /// The instances' tracers.
    public var tracers: [any Tracing.Tracer] { instances.map(\.tracer) }

    /// `forceFlush()`, awaited until the processor has finished it.
    public func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        await instances[instance].flush(timeout: timeout)
    }

    /// The instance's graceful shutdown, awaited.
    public func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        await instances[instance].shutdown(timeout: timeout)
    }

    /// Every span the receiver got, a span sent twice listed twice.
    public func exportedSpans() -> [ExportedSpan] {
        instances.enumerated().flatMap { index, instance in instance.exportedSpans(instance: index) }
    }

    /// Spans that ended after the instance's shutdown began, which swift-otel drops unexported.
    public func droppedSpans(instance: Int) -> Int { instances[instance].droppedSpans() }

    /// Notes the span's end for the drop count.
    public func willEnd(_ label: String, instance: Int) { instances[instance].willEnd(label) }

    /// Shuts down every instance still running.
    public func tearDown() async {
        for instance in instances { await instance.tearDown(timeout: .seconds(10)) }
    }
}
