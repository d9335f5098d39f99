import OTLPLoopback
public import TraceFuzz
public import TraceFuzzDistributedTracing

/// Makes fresh swift-otel backends for every run.
///
/// ```swift
/// FuzzTarget("swift-otel", SwiftOTelFactory())
/// ```
///
/// **How a flush is awaited.** `Tracer.forceFlush()` returns nothing: it yields a flush event to the
/// tracer's event stream. The tracer's service handles that stream in order and awaits the batch
/// processor's `forceFlush()` for each flush event before the next event, and the processor logs the
/// start of each flush (with the size of its buffer) and the end of each batch. The adapter counts its
/// requests and those log lines, and reports a flush done when the processor finished it: it waits for
/// nothing the flush did not set out to export. So a span still in the processor's intake stream when
/// the flush looked at the buffer is missing when the flush "succeeds", as it would be for any user
/// of swift-otel, and `none-lost` reports it. Scheduled exports would make the log ambiguous, so the
/// schedule delay is an hour (longer than any run) and queues are never small enough to fill
/// (`countsDrops` is false: drops are invisible through the public API).
public struct SwiftOTelFactory: TracerAdapterFactory {
    /// Creates the factory.
    public init() {}

    /// `swift-otel`.
    public var name: String { "swift-otel" }

    /// A context-propagating pool (built on `ServiceContext`), random IDs (not seeded), sessions (each
    /// instance's resource names it), a batch processor only, drops not countable.
    public var capabilities: TracerCapabilities {
        TracerCapabilities(
            propagatingExecutor: true, seededIDs: false, countsDrops: false, sessions: true,
            idUniqueness: .global, processHops: true, batchProcessor: true, simpleProcessor: false)
    }

    /// One swift-otel backend per instance, exporting to the process's receiver.
    public func makeAdapter(
        instances: [TracerInstanceConfig], seed: UInt64
    ) async -> DistributedTracingAdapter<SwiftOTelBackend> {
        let receiver = await SharedReceiver.receiver()
        let made = instances.enumerated().map { index, config in
            do {
                return try SwiftOTelInstance(index: index, config: config, receiver: receiver)
            } catch {
                fatalError("swift-otel: makeTracingBackend failed for instance \(index): \(error)")
            }
        }
        return DistributedTracingAdapter(backend: SwiftOTelBackend(instances: made))
    }
}

/// The process's one receiver, started on first use.
enum SharedReceiver {
    private static let started = Task { try await OTLPLoopbackReceiver.start() }

    static func receiver() async -> OTLPLoopbackReceiver {
        do {
            return try await started.value
        } catch {
            fatalError("cannot start the OTLP receiver on 127.0.0.1: \(error)")
        }
    }
}
