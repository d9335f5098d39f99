import TraceCore
import TraceFuzz

/// TraceCore with a planted bug: restoring a captured context does nothing, as if the worker forgot to
/// attach it. Spans in plain pools, Dispatch, `OperationQueue` and threads become orphans.
struct ForgetfulAdapter: ForwardingTracerAdapter {
    let base: TraceCoreAdapter

    func withRestored(_ context: SpanContext?, _ body: () -> Void) { body() }

    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async { await body() }
}

/// Makes a ``ForgetfulAdapter`` per run.
struct ForgetfulAdapterFactory: TracerAdapterFactory {
    var name: String { "TraceCore (forgetful restore)" }
    var capabilities: TracerCapabilities { .all }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ForgetfulAdapter {
        ForgetfulAdapter(base: TraceCoreAdapter(instances: instances, seed: seed))
    }
}
