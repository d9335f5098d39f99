public import InMemoryTracing
public import TraceFuzz
import TraceCore
public import Tracing

/// swift-distributed-tracing's `InMemoryTracer`, one per instance, as a ``TracingBackend``.
///
/// `InMemoryTracer` records a span when it ends, so everything ended is "exported" at once; its
/// `forceFlush()` only counts calls, and it has no shutdown: both succeed at once. Its default IDs
/// (`trace-1`, `span-1`, …) restart in every tracer object; ``InMemoryTracerFactory`` gives it seeded
/// random IDs instead unless told otherwise.
public struct InMemoryTracerBackend: TracingBackend {
    /// The tracers, by instance.
    public let inMemoryTracers: [InMemoryTracer]

    /// `instances` tracers, with IDs from `ids`.
    public init(instances: Int, ids: InMemoryTracerFactory.IDs, seed: UInt64) {
        inMemoryTracers = (0..<instances).map { index in
            switch ids {
            case .incrementing:
                return InMemoryTracer(idGenerator: .incrementing, recordInjections: false, recordExtractions: false)
            case .seeded:
                return InMemoryTracer(
                    idGenerator: .seeded(SplitMix64.mix(seed &+ UInt64(index))),
                    recordInjections: false, recordExtractions: false)
            }
        }
    }

    /// The same tracers, as the adapter uses them.
    public var tracers: [any Tracing.Tracer] { inMemoryTracers }

    /// Records the flush; ended spans are already recorded.
    public func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        inMemoryTracers[instance].forceFlush()
        return .success
    }

    /// Nothing to shut down: ended spans are already recorded, later ones will be too.
    public func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome { .success }

    /// Every finished span of every tracer.
    public func exportedSpans() -> [ExportedSpan] {
        var result: [ExportedSpan] = []
        for (instance, tracer) in inMemoryTracers.enumerated() {
            for span in tracer.finishedSpans {
                let context = span.spanContext
                result.append(
                    ExportedSpan(
                        label: span.operationName,
                        identity: SpanIdentity(traceID: context.traceID, spanID: context.spanID),
                        parentSpanID: context.parentSpanID, exportedBy: instance, sessionInstance: nil))
            }
        }
        return result
    }

    /// The in-memory span context's IDs.
    public func spanIdentity(in context: ServiceContext) -> SpanIdentity? {
        context.inMemorySpanContext.map { SpanIdentity(traceID: $0.traceID, spanID: $0.spanID) }
    }

    /// `InMemoryTracer`'s own two keys.
    public var carrierKeys: [String] { [InMemoryTracer.traceIDKey, InMemoryTracer.spanIDKey] }
}

extension InMemoryTracer.IDGenerator {
    /// Random-looking hex IDs (32 digits a trace, 16 a span) from one seeded SplitMix64 stream: the same
    /// seed gives the same IDs, and different seeds do not collide in practice.
    public static func seeded(_ seed: UInt64) -> InMemoryTracer.IDGenerator {
        let stream = SeededIDStream(seed: seed)
        return InMemoryTracer.IDGenerator(
            nextTraceID: { stream.hex(words: 2) },
            nextSpanID: { stream.hex(words: 1) })
    }
}
