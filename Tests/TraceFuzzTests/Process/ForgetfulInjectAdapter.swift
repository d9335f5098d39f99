import TraceCore
import TraceFuzz

/// TraceCore whose `inject` forgets the context: nothing is serialized into a child process, neither in
/// the request nor in `TRACEPARENT` (process-hop-no-carrier). Everything else is TraceCore's.
struct ForgetfulInjectAdapter: TracerAdapter {
    let base: TraceCoreAdapter

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        base.withSpan(label, instance: instance, body)
    }
    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await base.withSpan(label, instance: instance, body)
    }
    func currentSpan() -> SpanIdentity? { base.currentSpan() }
    func capture() -> SpanContext? { base.capture() }
    func withRestored(_ context: SpanContext?, _ body: () -> Void) { base.withRestored(context, body) }
    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async {
        await base.withRestored(context, body)
    }
    /// The planted bug: no headers.
    func inject() -> [String: String] { [:] }
    func withExtracted(_ headers: [String: String], _ body: () -> Void) { base.withExtracted(headers, body) }
    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await base.withExtracted(headers, body)
    }
    func flush(instance: Int, timeout: Duration) -> FlushOutcome {
        base.flush(instance: instance, timeout: timeout)
    }
    func shutdown(instance: Int, timeout: Duration) -> FlushOutcome {
        base.shutdown(instance: instance, timeout: timeout)
    }
    func exportedSpans() -> [ExportedSpan] { base.exportedSpans() }
    func droppedSpans(instance: Int) -> Int { base.droppedSpans(instance: instance) }
}

/// Makes ``ForgetfulInjectAdapter``s.
struct ForgetfulInjectFactory: TracerAdapterFactory {
    var name: String { "TraceCore whose inject forgets the context" }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ForgetfulInjectAdapter {
        ForgetfulInjectAdapter(base: TraceCoreAdapter(instances: instances, seed: seed))
    }
}
