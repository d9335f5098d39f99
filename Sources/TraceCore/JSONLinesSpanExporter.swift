import Foundation

/// Writes one JSON object per span per line, and reads such lines back.
///
/// Each line holds the span's `name`, `traceId`, `spanId`, `parentSpanId` (absent for a root),
/// `traceFlags`, `traceState` (if any), `startTimeUnixNano`/`endTimeUnixNano` (decimal strings), its
/// `attributes` and `session` attributes, the `resource` attributes and the `scope` name. Attributes
/// use the OTLP/JSON key/value shape, so types survive the round trip: a child process can export
/// here and its parent can read the spans back with ``decodeSpans(from:)``.
///
/// ```swift
/// let exporter = JSONLinesSpanExporter(fileHandle: .standardOutput)
/// let provider = TracerProvider(processors: [SimpleSpanProcessor(exporter: exporter)])
/// ```
public final class JSONLinesSpanExporter: SpanExporter {
    private let writer: LineWriter

    /// Creates an exporter appending to `fileHandle`; it closes the handle on shutdown if asked to.
    public init(fileHandle: FileHandle, closesOnShutdown: Bool = false) {
        writer = LineWriter(handle: fileHandle, closesHandle: closesOnShutdown)
    }

    /// Writes one line per span, the whole batch in one write; fails after shutdown or on a write error.
    public func export(_ batch: [SpanData]) -> Bool {
        guard !batch.isEmpty else { return true }
        return writer.write(Self.encode(batch))
    }

    /// Asks the system to commit what was written.
    public func forceFlush() -> Bool { writer.synchronize() }

    /// Stops writing (and closes the handle if this exporter owns it).
    public func shutdown() { writer.close() }

    /// The lines for `spans`, each ending in a newline.
    public static func encode(_ spans: [SpanData]) -> Data {
        let encoder = OTLPJSONEncoder.makeEncoder()
        var data = Data()
        for span in spans {
            // Strings, numbers and bools only, non-finite doubles as strings: this cannot fail.
            data.append(try! encoder.encode(Record(span)))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    /// The spans in JSON lines; blank lines are skipped, and a line that is not a span is an error.
    public static func decodeSpans(from data: Data) throws -> [SpanData] {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { return nil }
            return try decoder.decode(Record.self, from: Data(line)).spanData()
        }
    }

    /// Why a line could not be read back as a span.
    public struct DecodingFailure: Error, Hashable, Sendable {
        /// What was wrong.
        public let reason: String
    }

    private struct Record: Codable {
        var name: String
        var traceId: String
        var spanId: String
        var parentSpanId: String?
        var traceFlags: UInt8
        var traceState: String?
        var startTimeUnixNano: String
        var endTimeUnixNano: String
        var attributes: [OTLPJSONModel.KeyValue]
        var session: [OTLPJSONModel.KeyValue]
        var resource: [OTLPJSONModel.KeyValue]
        var scope: String

        init(_ span: SpanData) {
            name = span.name
            traceId = span.context.traceID.hexString
            spanId = span.context.spanID.hexString
            parentSpanId = span.parentSpanID?.hexString
            traceFlags = span.context.flags.rawValue
            traceState = span.context.traceState.isEmpty ? nil : span.context.traceState.headerValue
            startTimeUnixNano = String(span.startNanos)
            endTimeUnixNano = String(span.endNanos)
            attributes = OTLPJSONModel.keyValues(span.attributes)
            session = OTLPJSONModel.keyValues(span.session)
            resource = OTLPJSONModel.keyValues(span.resource.attributes)
            scope = span.scopeName
        }

        func spanData() throws -> SpanData {
            guard let traceID = TraceID(hexString: traceId), let spanID = SpanID(hexString: spanId) else {
                throw DecodingFailure(reason: "bad trace or span ID in span \(name)")
            }
            let parentID = try parentSpanId.map { hex in
                guard let id = SpanID(hexString: hex) else {
                    throw DecodingFailure(reason: "bad parent span ID in span \(name)")
                }
                return id
            }
            guard let start = UInt64(startTimeUnixNano), let end = UInt64(endTimeUnixNano) else {
                throw DecodingFailure(reason: "bad times in span \(name)")
            }
            let state = try traceState.map { header in
                guard let state = TraceState(headerValue: header) else {
                    throw DecodingFailure(reason: "bad trace state in span \(name)")
                }
                return state
            }
            return SpanData(
                name: name,
                context: SpanContext(
                    traceID: traceID, spanID: spanID, flags: TraceFlags(rawValue: traceFlags),
                    traceState: state ?? TraceState()),
                parentSpanID: parentID, startNanos: start, endNanos: end,
                attributes: OTLPJSONModel.attributes(attributes), session: OTLPJSONModel.attributes(session),
                resource: Resource(attributes: OTLPJSONModel.attributes(resource)), scopeName: scope)
        }
    }
}
