/// A 64-bit W3C span identifier (the `parent-id` of a `traceparent` header).
///
/// The all-zero value is ``invalid``.
public struct SpanID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 64-bit value.
    public let value: UInt64

    /// Creates a span ID from its value.
    public init(_ value: UInt64) { self.value = value }

    /// The all-zero ID, which the W3C spec declares invalid.
    public static let invalid = SpanID(0)

    /// Whether this ID is not all zeros.
    public var isValid: Bool { value != 0 }

    /// The 16-character lowercase hex form.
    public var hexString: String { HexCoding.hex(value) }

    /// Parses exactly 16 lowercase hex characters; returns `nil` otherwise.
    public init?(hexString: some StringProtocol) {
        let utf8 = Array(hexString.utf8)
        guard utf8.count == 16, let value = HexCoding.parse(utf8[0..<16]) else { return nil }
        self.init(value)
    }

    /// The hex form.
    public var description: String { hexString }

    /// Orders by value.
    public static func < (lhs: SpanID, rhs: SpanID) -> Bool { lhs.value < rhs.value }
}
