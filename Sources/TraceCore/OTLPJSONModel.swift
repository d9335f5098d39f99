/// The OTLP/JSON message shapes TraceCore writes (and reads back, for JSON lines).
///
/// Field names and encodings follow the protobuf JSON mapping used by OTLP: IDs as lowercase hex,
/// 64-bit integers as decimal strings, enums as numbers.
enum OTLPJSONModel {
    struct ExportTraceServiceRequest: Codable {
        var resourceSpans: [ResourceSpans]
    }

    struct ResourceSpans: Codable {
        var resource: ResourceAttributes
        var scopeSpans: [ScopeSpans]
    }

    struct ResourceAttributes: Codable {
        var attributes: [KeyValue]
    }

    struct ScopeSpans: Codable {
        var scope: Scope
        var spans: [Span]
    }

    struct Scope: Codable {
        var name: String
    }

    /// One span. `kind` is always 1 (`SPAN_KIND_INTERNAL`): TraceCore does not model span kinds.
    struct Span: Codable {
        var traceId: String
        var spanId: String
        var parentSpanId: String?
        var traceState: String?
        var name: String
        var kind: Int
        var startTimeUnixNano: String
        var endTimeUnixNano: String
        var attributes: [KeyValue]
        /// Omitted when the span has none.
        var events: [Event]? = nil
        /// Omitted when unset.
        var status: Status? = nil
    }

    /// A span event: `timeUnixNano` is a decimal string.
    struct Event: Codable {
        var timeUnixNano: String
        var name: String
        var attributes: [KeyValue]
    }

    /// A span status: `code` 1 is `STATUS_CODE_OK`, 2 is `STATUS_CODE_ERROR`.
    struct Status: Codable {
        var code: Int
        var message: String?
    }

    struct KeyValue: Codable {
        var key: String
        var value: AnyValue
    }

    /// `{stringValue}`, `{intValue}` (a decimal string), `{doubleValue}` or `{boolValue}`.
    struct AnyValue: Codable {
        var value: AttributeValue

        private enum CodingKeys: String, CodingKey {
            case stringValue, intValue, doubleValue, boolValue
        }

        init(_ value: AttributeValue) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch value {
            case .string(let string): try container.encode(string, forKey: .stringValue)
            case .int(let int): try container.encode(String(int), forKey: .intValue)
            case .double(let double): try container.encode(double, forKey: .doubleValue)
            case .bool(let bool): try container.encode(bool, forKey: .boolValue)
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let string = try container.decodeIfPresent(String.self, forKey: .stringValue) {
                value = .string(string)
            } else if let int = try? container.decodeIfPresent(String.self, forKey: .intValue) {
                guard let parsed = Int64(int) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .intValue, in: container, debugDescription: "not a decimal integer")
                }
                value = .int(parsed)
            } else if let int = try container.decodeIfPresent(Int64.self, forKey: .intValue) {
                value = .int(int)
            } else if let double = try container.decodeIfPresent(Double.self, forKey: .doubleValue) {
                value = .double(double)
            } else if let bool = try container.decodeIfPresent(Bool.self, forKey: .boolValue) {
                value = .bool(bool)
            } else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "no supported value field"))
            }
        }
    }

    /// Attributes as key/value pairs sorted by key, so output is the same run to run.
    static func keyValues(_ attributes: Attributes) -> [KeyValue] {
        attributes.sorted { $0.key < $1.key }.map { KeyValue(key: $0.key, value: AnyValue($0.value)) }
    }

    /// Key/value pairs back to attributes (a repeated key keeps its last value).
    static func attributes(_ keyValues: [KeyValue]) -> Attributes {
        Attributes(keyValues.map { ($0.key, $0.value.value) }, uniquingKeysWith: { _, last in last })
    }
}
