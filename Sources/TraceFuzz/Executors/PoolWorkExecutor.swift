import TraceCore

/// Runs work on a TraceCore ``ThreadPool`` of `width` threads made for one hop. Propagates nothing.
struct PoolWorkExecutor: WorkExecutor {
    let pool: ThreadPool

    init(width: Int) { pool = ThreadPool(threads: width, name: "tracefuzz-pool") }

    var propagatesContext: Bool { false }

    func submit(_ work: @escaping @Sendable () -> Void) {
        // A pool made for one hop is shut down only after all its work finished, so nothing is rejected.
        _ = pool.execute(work)
    }

    func shutdown() { pool.shutdown(.drain) }
}
