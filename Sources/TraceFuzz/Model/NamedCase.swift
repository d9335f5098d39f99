/// A string enum whose decoding error lists the values it accepts.
///
/// ```text
/// $.steps[0].hop.executor: unknown value 'fibers'; expected one of: pool, tracedPool, …
/// ```
public protocol NamedCase: RawRepresentable, CaseIterable, Codable where RawValue == String {}

extension NamedCase {
    /// Decodes a raw value, or fails naming the value and the accepted ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let value = Self(rawValue: name) else {
            let accepted = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown value '\(name)'; expected one of: \(accepted)")
        }
        self = value
    }
}

extension ExecutorKind: NamedCase {}
extension PropagationStrategy: NamedCase {}
extension TracerInstanceConfig.Processor: NamedCase {}
extension TracerInstanceConfig.DropPolicy: NamedCase {}
