import TraceCore
import TraceFuzz

/// TraceCore with a planted bug: restoring a captured context does nothing, as if the worker forgot to
/// attach it. Spans in plain pools, Dispatch, `OperationQueue` and threads become orphans.
struct ForgetfulAdapter: TracerAdapter {
    let base: TraceCoreAdapter

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        base.withSpan(label, instance: instance, body)
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await base.withSpan(label, instance: instance, body)
    }

    func currentSpan() -> SpanIdentity? { base.currentSpan() }

    func capture() -> SpanContext? { base.capture() }

    func withRestored(_ context: SpanContext?, _ body: () -> Void) { body() }

    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async { await body() }

    func inject() -> [String: String] { base.inject() }

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

    func propagatingExecutor(width: Int) -> (any WorkExecutor)? { base.propagatingExecutor(width: width) }
}

/// Makes a ``ForgetfulAdapter`` per run.
struct ForgetfulAdapterFactory: TracerAdapterFactory {
    var name: String { "TraceCore (forgetful restore)" }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ForgetfulAdapter {
        ForgetfulAdapter(base: TraceCoreAdapter(instances: instances, seed: seed))
    }
}
