import TraceCore
import TraceFuzz

/// exit-before-export: a child process's exit hook closes the export pool first and flushes after, so
/// the spans its batch processors still hold go to a closed exporter and are lost at exit, uncounted.
///
/// The worker runs ``closeExportPool()`` as its exit hook (``ProcessWorker/main(factory:arguments:atExit:)``
/// calls it after the steps, before the final flush). Every batch instance exports through a
/// ``ClosableExporter``; simple instances export as each span ends and lose nothing.
///
/// The batch processors keep the OpenTelemetry SDKs' default schedule delay of 5 s, as in the reports,
/// so what a short-lived child ends is still buffered when it exits (with the 2 ms delay the other
/// mutants use to race flushes, the export worker would usually have sent it already).
struct ExitBeforeExportAdapter: ValueCaptureForwarding {
    /// How long the batch processors let spans wait: the SDKs' default.
    static let scheduleDelay = Duration.seconds(5)

    let core: MutantCore
    private let pool: ExportPool

    /// TraceCore for `instances`, with each batch instance's exporter in one closable pool.
    init(instances: [TracerInstanceConfig], seed: UInt64) {
        let pool = ExportPool()
        self.pool = pool
        core = MutantCore(
            instances: instances, seed: seed,
            batch: { config, exporter in
                MutantCore.batchProcessor(
                    config, exporter: pool.closable(exporter), scheduleDelay: Self.scheduleDelay)
            })
    }

    /// The defective exit hook: closes every batch instance's exporter before anything flushes.
    func closeExportPool() { pool.close() }
}
