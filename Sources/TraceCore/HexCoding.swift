/// Lowercase hex encoding and strict decoding of 64-bit words.
enum HexCoding {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Sixteen lowercase hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            var v = value
            for index in stride(from: 15, through: 0, by: -1) {
                buffer[index] = digits[Int(v & 0xf)]
                v >>= 4
            }
            return 16
        }
    }

    /// Parses up to 16 lowercase hex digits; uppercase and anything else fail.
    static func parse(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var result: UInt64 = 0
        for byte in bytes {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            result = result << 4 | UInt64(nibble)
        }
        return result
    }
}
