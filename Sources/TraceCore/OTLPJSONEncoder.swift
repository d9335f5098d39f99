import Foundation

/// Encodes spans as an OTLP/JSON `ExportTraceServiceRequest`: what an OpenTelemetry collector's
/// `otlpjsonfile` receiver (one request per line) and OTLP/HTTP JSON endpoints accept.
///
/// Spans are grouped by resource, then by instrumentation scope, each in order of first appearance.
/// IDs are lowercase hex, times are nanosecond decimal strings, `kind` is `1` (internal), and a span's
/// session attributes are written as span attributes (the span's own attributes win on a clash). Events
/// and a status are written when a span has them.
///
/// ```swift
/// let line = OTLPJSONEncoder.encode(exporter.finishedSpans())
/// // {"resourceSpans":[{"resource":{"attributes":[...]},"scopeSpans":[{"scope":{"name":"http"},"spans":[...]}]}]}
/// ```
public enum OTLPJSONEncoder {
    /// The request for `spans`, as compact UTF-8 JSON with no trailing newline.
    public static func encode(_ spans: [SpanData]) -> Data {
        // Every value is a string, number or bool, and non-finite doubles become strings: this cannot fail.
        try! makeEncoder().encode(request(for: spans))
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func request(for spans: [SpanData]) -> OTLPJSONModel.ExportTraceServiceRequest {
        var resources: [Resource] = []
        var scopesByResource: [Resource: [String]] = [:]
        var spansByScope: [Resource: [String: [OTLPJSONModel.Span]]] = [:]
        for span in spans {
            if scopesByResource[span.resource] == nil {
                resources.append(span.resource)
                scopesByResource[span.resource] = []
            }
            if spansByScope[span.resource, default: [:]][span.scopeName] == nil {
                scopesByResource[span.resource]!.append(span.scopeName)
            }
            spansByScope[span.resource, default: [:]][span.scopeName, default: []].append(otlpSpan(span))
        }
        return OTLPJSONModel.ExportTraceServiceRequest(
            resourceSpans: resources.map { resource in
                OTLPJSONModel.ResourceSpans(
                    resource: OTLPJSONModel.ResourceAttributes(
                        attributes: OTLPJSONModel.keyValues(resource.attributes)),
                    scopeSpans: scopesByResource[resource]!.map { scope in
                        OTLPJSONModel.ScopeSpans(
                            scope: OTLPJSONModel.Scope(name: scope), spans: spansByScope[resource]![scope]!)
                    })
            })
    }

    static func otlpSpan(_ span: SpanData) -> OTLPJSONModel.Span {
        OTLPJSONModel.Span(
            traceId: span.context.traceID.hexString, spanId: span.context.spanID.hexString,
            parentSpanId: span.parentSpanID?.hexString,
            traceState: span.context.traceState.isEmpty ? nil : span.context.traceState.headerValue,
            name: span.name, kind: 1, startTimeUnixNano: String(span.startNanos),
            endTimeUnixNano: String(span.endNanos),
            attributes: OTLPJSONModel.keyValues(span.session.merging(span.attributes) { _, own in own }),
            events: span.events.isEmpty
                ? nil
                : span.events.map {
                    OTLPJSONModel.Event(
                        timeUnixNano: String($0.timeNanos), name: $0.name,
                        attributes: OTLPJSONModel.keyValues($0.attributes))
                },
            status: status(span.status))
    }

    static func status(_ status: SpanStatus) -> OTLPJSONModel.Status? {
        switch status {
        case .unset: nil
        case .ok: OTLPJSONModel.Status(code: 1)
        case .error(let description): OTLPJSONModel.Status(code: 2, message: description)
        }
    }
}
