import TraceCore
import TraceFuzz

/// TraceCore whose `inject` forgets the context: nothing is serialized into a child process, neither in
/// the request nor in `TRACEPARENT` (process-hop-no-carrier). Everything else is TraceCore's.
struct ForgetfulInjectAdapter: ForwardingTracerAdapter {
    let base: TraceCoreAdapter

    /// The planted bug: no headers.
    func inject() -> [String: String] { [:] }
}

/// Makes ``ForgetfulInjectAdapter``s.
struct ForgetfulInjectFactory: TracerAdapterFactory {
    var name: String { "TraceCore whose inject forgets the context" }
    var capabilities: TracerCapabilities { .all }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ForgetfulInjectAdapter {
        ForgetfulInjectAdapter(base: TraceCoreAdapter(instances: instances, seed: seed))
    }
}
