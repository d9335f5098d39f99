/// A 128-bit W3C trace identifier.
///
/// The all-zero value is ``invalid``; every other value is valid.
///
/// ```swift
/// let id = TraceID(hexString: "4bf92f3577b34da6a3ce929d0e0e4736")
/// print(id?.hexString ?? "bad")
/// ```
public struct TraceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The high 64 bits.
    public let high: UInt64
    /// The low 64 bits.
    public let low: UInt64

    /// Creates a trace ID from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The all-zero ID, which the W3C spec declares invalid.
    public static let invalid = TraceID(high: 0, low: 0)

    /// Whether this ID is not all zeros.
    public var isValid: Bool { high != 0 || low != 0 }

    /// The 32-character lowercase hex form.
    public var hexString: String { HexCoding.hex(high) + HexCoding.hex(low) }

    /// Parses exactly 32 lowercase hex characters; returns `nil` otherwise (the all-zero ID parses).
    public init?(hexString: some StringProtocol) {
        let utf8 = Array(hexString.utf8)
        guard utf8.count == 32,
            let high = HexCoding.parse(utf8[0..<16]),
            let low = HexCoding.parse(utf8[16..<32])
        else { return nil }
        self.init(high: high, low: low)
    }

    /// The hex form.
    public var description: String { hexString }

    /// Orders by the high half, then the low half.
    public static func < (lhs: TraceID, rhs: TraceID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
