extension Step: Codable {
    /// The `{}` of a step with no fields; a field in it is an unknown field, not ignored.
    private struct Empty: Codable, Hashable {
        init() {}

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            if let key = container.allKeys.first {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath + [key], debugDescription: "unknown field '\(key.stringValue)'"))
            }
        }
    }

    private enum Kind: String, CodingKey, CaseIterable {
        case span, hop, flush, shutdown, yield, sleep, barrier
    }

    /// Decodes a single-key object naming the step kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let keys = container.allKeys
        guard keys.count == 1, let key = keys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "a step is an object with exactly one key, one of: "
                        + Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        guard let kind = Kind(rawValue: key.stringValue) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [key],
                    debugDescription:
                        "unknown step '\(key.stringValue)'; expected one of: "
                        + Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        switch kind {
        case .span: self = .span(try container.decode(SpanStep.self, forKey: key))
        case .hop: self = .hop(try container.decode(HopStep.self, forKey: key))
        case .flush: self = .flush(try container.decode(FlushStep.self, forKey: key))
        case .shutdown: self = .shutdown(try container.decode(FlushStep.self, forKey: key))
        case .yield:
            _ = try container.decode(Empty.self, forKey: key)
            self = .yield
        case .sleep: self = .sleep(try container.decode(SleepStep.self, forKey: key))
        case .barrier: self = .barrier(try container.decode(BarrierStep.self, forKey: key))
        }
    }

    /// Encodes the step as a single-key object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        let key = AnyKey(kindName)
        switch self {
        case .span(let step): try container.encode(step, forKey: key)
        case .hop(let step): try container.encode(step, forKey: key)
        case .flush(let step), .shutdown(let step): try container.encode(step, forKey: key)
        case .yield: try container.encode(Empty(), forKey: key)
        case .sleep(let step): try container.encode(step, forKey: key)
        case .barrier(let step): try container.encode(step, forKey: key)
        }
    }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
