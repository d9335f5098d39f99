import Foundation

/// Decodes the parts of an OTLP/JSON `ExportTraceServiceRequest` that identify spans.
///
/// OTLP/JSON writes trace and span IDs as hex; the proto3 JSON mapping, which some exporters use as it
/// is, writes them as base64. Both are accepted (they differ in length) and the encoding seen is
/// reported, so the receiver can say which one a client sends.
enum OTLPJSONTraceRequest {
    private struct Request: Decodable {
        var resourceSpans: [ResourceSpans]?
    }
    private struct ResourceSpans: Decodable {
        var resource: Resource?
        var scopeSpans: [ScopeSpans]?
    }
    private struct Resource: Decodable {
        var attributes: [KeyValue]?
    }
    private struct KeyValue: Decodable {
        var key: String
        var value: AnyValue?
    }
    private struct AnyValue: Decodable {
        var stringValue: String?
    }
    private struct ScopeSpans: Decodable {
        var spans: [Span]?
    }
    private struct Span: Decodable {
        var traceId: String?
        var spanId: String?
        var parentSpanId: String?
        var name: String?
    }

    /// A request that is not OTLP/JSON for traces, or whose IDs are neither hex nor base64 of the right size.
    struct DecodingError: Error, CustomStringConvertible {
        var description: String
    }

    /// The spans in `body`, and the ID encoding they used (`nil` when there were no spans).
    static func decode(_ body: Data) throws -> (spans: [ReceivedSpan], encoding: OTLPIDEncoding?) {
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: body)
        } catch {
            throw DecodingError(description: "not an OTLP/JSON trace request: \(error)")
        }
        var spans: [ReceivedSpan] = []
        var encoding: OTLPIDEncoding?
        for resourceSpans in request.resourceSpans ?? [] {
            var attributes: [String: String] = [:]
            for pair in resourceSpans.resource?.attributes ?? [] {
                if let value = pair.value?.stringValue { attributes[pair.key] = value }
            }
            for scope in resourceSpans.scopeSpans ?? [] {
                for span in scope.spans ?? [] {
                    let trace = try id(span.traceId, bytes: 16, field: "traceId")
                    let spanID = try id(span.spanId, bytes: 8, field: "spanId")
                    var parent: String?
                    if let raw = span.parentSpanId, !raw.isEmpty {
                        parent = try id(raw, bytes: 8, field: "parentSpanId").hex
                    }
                    encoding = encoding ?? spanID.encoding
                    spans.append(
                        ReceivedSpan(
                            name: span.name ?? "", traceID: trace.hex, spanID: spanID.hex, parentSpanID: parent,
                            resourceAttributes: attributes, spanIDAsSent: span.spanId ?? ""))
                }
            }
        }
        return (spans, encoding)
    }

    /// An ID field as hex, from either encoding.
    private static func id(_ raw: String?, bytes: Int, field: String) throws -> (hex: String, encoding: OTLPIDEncoding) {
        guard let raw else { throw DecodingError(description: "a span has no \(field)") }
        if raw.utf8.count == bytes * 2, raw.utf8.allSatisfy(isHexDigit) {
            return (raw.lowercased(), .hex)
        }
        if let data = Data(base64Encoded: raw), data.count == bytes {
            return (hex(data), .base64)
        }
        throw DecodingError(description: "\(field) \"\(raw)\" is neither \(bytes * 2) hex digits nor base64 of \(bytes) bytes")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ data: Data) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count * 2)
        for byte in data {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
