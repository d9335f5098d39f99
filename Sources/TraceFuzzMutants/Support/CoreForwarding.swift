import TraceCore
import TraceFuzz

/// An adapter that is ``MutantCore`` but for the few requirements it implements itself: every other
/// requirement forwards to `core`, so a mutant's file holds only its defect.
protocol CoreForwarding: TracerAdapter {
    /// The correct TraceCore wiring the mutant changes.
    var core: MutantCore { get }
}

extension CoreForwarding {
    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        core.withSpan(label, instance: instance, body)
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        await core.withSpan(label, instance: instance, body)
    }

    func currentSpan() -> SpanIdentity? { core.currentSpan() }

    func inject() -> [String: String] { core.inject() }

    func withExtracted(_ headers: [String: String], _ body: () -> Void) { core.withExtracted(headers, body) }

    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await core.withExtracted(headers, body)
    }

    func flush(instance: Int, timeout: Duration) -> FlushOutcome {
        core.flush(instance: instance, timeout: timeout)
    }

    func shutdown(instance: Int, timeout: Duration) -> FlushOutcome {
        core.shutdown(instance: instance, timeout: timeout)
    }

    func exportedSpans() -> [ExportedSpan] { core.exportedSpans() }

    func droppedSpans(instance: Int) -> Int { core.droppedSpans(instance: instance) }

    func propagatingExecutor(width: Int) -> (any WorkExecutor)? { core.propagatingExecutor(width: width) }
}

/// A ``CoreForwarding`` adapter whose captured context is TraceCore's own value.
protocol ValueCaptureForwarding: CoreForwarding where CapturedContext == SpanContext? {}

extension ValueCaptureForwarding {
    func capture() -> SpanContext? { core.capture() }

    func withRestored(_ context: SpanContext?, _ body: () -> Void) { core.withRestored(context, body) }

    func withRestored(_ context: SpanContext?, _ body: () async -> Void) async {
        await core.withRestored(context, body)
    }
}
