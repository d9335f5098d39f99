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
struct ForgetfulTracerAdapter: TracerAdapter {
    let base: TraceCoreAdapter
    let forgets: Bool

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        base.withSpan(label, instance: instance, body)
    }
    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await base.withSpan(label, instance: instance, body)
    }
    func currentSpan() -> SpanIdentity? { base.currentSpan() }
    func capture() -> SpanContext? { base.capture() }
    func withRestored(_ context: SpanContext?, _ body: () -> Void) {
        base.withRestored(forgets ? nil : context, body)
    }
    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async {
        await base.withRestored(forgets ? nil : context, body)
    }
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
}

/// Makes ``ForgetfulTracerAdapter``s.
struct ForgetfulTracerFactory: TracerAdapterFactory {
    var forgets = true

    var name: String { forgets ? "ForgetfulTracer" : "TraceCore without a pool" }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ForgetfulTracerAdapter {
        ForgetfulTracerAdapter(base: TraceCoreAdapter(instances: instances, seed: seed), forgets: forgets)
    }
}
