import TraceCore
import TraceFuzz

/// A plain thread pool that claims to propagate context but does not: its workers start with no span.
struct ForgetfulPoolExecutor: WorkExecutor {
    let pool: ThreadPool

    init(width: Int) { pool = ThreadPool(threads: width, name: "forgetful-pool") }

    var propagatesContext: Bool { true }

    func submit(_ work: @escaping @Sendable () -> Void) { _ = pool.execute(work) }

    func shutdown() { pool.shutdown(.drain) }
}

/// TraceCore's ``TracedThreadPool``, which captures the context at every submit.
struct TracedPoolExecutor: WorkExecutor {
    let pool: TracedThreadPool

    init(width: Int) { pool = TracedThreadPool(threads: width, name: "traced-pool") }

    var propagatesContext: Bool { true }

    func submit(_ work: @escaping @Sendable () -> Void) { _ = pool.execute(work) }

    func shutdown() { pool.shutdown(.drain) }
}

/// A plain thread pool that says, truthfully, that it does not propagate.
struct HonestPoolExecutor: WorkExecutor {
    let pool: ThreadPool

    init(width: Int) { pool = ThreadPool(threads: width, name: "honest-pool") }

    var propagatesContext: Bool { false }

    func submit(_ work: @escaping @Sendable () -> Void) { _ = pool.execute(work) }

    func shutdown() { pool.shutdown(.drain) }
}

/// TraceCore with no propagating executor of its own, and (if `forgets`) a restore that does nothing.
struct ForgetfulTracerAdapter: ForwardingTracerAdapter {
    let base: TraceCoreAdapter
    let forgets: Bool

    func withRestored(_ context: SpanContext?, _ body: () -> Void) {
        base.withRestored(forgets ? nil : context, body)
    }
    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async {
        await base.withRestored(forgets ? nil : context, body)
    }
    /// No executor of its own.
    func propagatingExecutor(width: Int) -> (any WorkExecutor)? { nil }
}

/// Makes ``ForgetfulTracerAdapter``s.
struct ForgetfulTracerFactory: TracerAdapterFactory {
    var forgets = true

    var name: String { forgets ? "ForgetfulTracer" : "TraceCore without a pool" }
    /// TraceCore's, but for an executor of its own.
    var capabilities: TracerCapabilities { TracerCapabilities(seededIDs: true, countsDrops: true, sessions: true) }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ForgetfulTracerAdapter {
        ForgetfulTracerAdapter(base: TraceCoreAdapter(instances: instances, seed: seed), forgets: forgets)
    }
}
