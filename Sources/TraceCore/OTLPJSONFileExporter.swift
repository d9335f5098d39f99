import Foundation

/// Writes each exported batch as one OTLP/JSON `ExportTraceServiceRequest` per line: the file format an
/// OpenTelemetry collector's `otlpjsonfile` receiver loads.
///
/// ```swift
/// let file = try FileHandle(forWritingTo: URL(fileURLWithPath: "traces.jsonl"))
/// let processor = BatchSpanProcessor(exporter: OTLPJSONFileExporter(fileHandle: file, closesOnShutdown: true))
/// ```
public final class OTLPJSONFileExporter: SpanExporter {
    private let writer: LineWriter

    /// Creates an exporter appending to `fileHandle`; it closes the handle on shutdown if asked to.
    public init(fileHandle: FileHandle, closesOnShutdown: Bool = false) {
        writer = LineWriter(handle: fileHandle, closesHandle: closesOnShutdown)
    }

    /// Writes the batch as one request line; fails after shutdown or on a write error.
    public func export(_ batch: [SpanData]) -> Bool {
        guard !batch.isEmpty else { return true }
        var line = OTLPJSONEncoder.encode(batch)
        line.append(UInt8(ascii: "\n"))
        return writer.write(line)
    }

    /// Asks the system to commit what was written.
    public func forceFlush() -> Bool { writer.synchronize() }

    /// Stops writing (and closes the handle if this exporter owns it).
    public func shutdown() { writer.close() }
}
