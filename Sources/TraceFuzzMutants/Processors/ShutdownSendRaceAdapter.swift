import TraceCore
import TraceFuzz

/// shutdown-send-race: shutting an instance down stops its span processors but not the spans: the
/// provider never marks itself shut down, so a span that ends while the processor shuts down (or
/// after) is still sent to it, on a channel that is already closed. The processor is the two-stage one
/// with ``StagedBatchProcessor/Defect/sendsAfterClose``: such a span is lost, and not counted.
struct ShutdownSendRaceAdapter: ValueCaptureForwarding {
    let core: MutantCore

    func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        let processor = core.processors[instance]
        return await offCooperativePool { FlushOutcome(processor.shutdown(timeout: timeout)) }
    }
}
