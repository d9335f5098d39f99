/// A span, resource or session attribute value.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    /// A string.
    case string(String)
    /// A signed integer.
    case int(Int64)
    /// A floating-point number.
    case double(Double)
    /// A boolean.
    case bool(Bool)

    /// The value as plain text.
    public var description: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        }
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral
{
    /// A string attribute.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer attribute.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A boolean attribute.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A floating-point attribute.
    public init(floatLiteral value: Double) { self = .double(value) }
}

/// Attributes by key.
public typealias Attributes = [String: AttributeValue]
