import Logging

/// The diagnostic log handler of one swift-otel instance: it turns what swift-otel 1.6.0's
/// `OTelBatchSpanProcessor` logs about its flushes into ``FlushTracker`` events, and drops the rest.
///
/// The lines it reads (`Sources/OTel/OTelCore/Tracing/Processing/Batch/OTelBatchSpanProcessor.swift`):
/// - `forceFlush()`, line 105: `"Skipping force flush: buffer is empty"`, a flush that exports nothing;
/// - line 108: `"Force flushing."` with metadata `buffer_size`, a flush of that many spans, exported in
///   batches of at most `maxExportBatchSize`;
/// - `export(_:)`, lines 151 and 154: `"Exported batch."` or `"Failed to export batch."`, once per batch.
///
/// `OTel.Configuration.diagnosticLogger` (`.custom`) and `diagnosticLogLevel` (`.debug`) are public.
struct SwiftOTelFlushLog: LogHandler {
    static let skipped = "Skipping force flush: buffer is empty"
    static let flushing = "Force flushing."
    static let exported = "Exported batch."
    static let failed = "Failed to export batch."

    let tracker: FlushTracker
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        switch event.message.description {
        case Self.skipped:
            tracker.flushStarted(bufferSize: 0)
        case Self.flushing:
            let size = event.metadata?["buffer_size"].flatMap { Int("\($0)") } ?? 0
            tracker.flushStarted(bufferSize: size)
        case Self.exported:
            tracker.batchFinished(failed: false)
        case Self.failed:
            tracker.batchFinished(failed: true)
        default:
            break
        }
    }
}
