import TraceFuzz

/// A fuzz seed as the command line reads and prints it: decimal or `0x` hex in, `0x` hex out.
///
/// Without `--seed`, a command draws a random seed and prints it, so every run can be repeated.
///
/// ```swift
/// Seed(parsing: "42")?.value      // 42
/// Seed(parsing: "0x2A")?.hex      // "0x2a"
/// ```
struct Seed: Hashable, Sendable, CustomStringConvertible {
    /// The seed.
    var value: UInt64

    /// Wraps a seed.
    init(_ value: UInt64) { self.value = value }

    /// Parses `42`, `0x2a` or `0X2A` (underscores allowed as separators); `nil` if malformed.
    init?(parsing text: String) {
        let digits = text.filter { $0 != "_" }
        let lowered = digits.lowercased()
        let parsed =
            lowered.hasPrefix("0x") ? UInt64(lowered.dropFirst(2), radix: 16) : UInt64(digits, radix: 10)
        guard let parsed, !digits.isEmpty else { return nil }
        value = parsed
    }

    /// A seed drawn from `generator` (the system's, in the tool: the one place randomness enters).
    static func random(using generator: inout some RandomNumberGenerator) -> Seed { Seed(generator.next()) }

    /// `0x2a`: lowercase hex, no padding.
    var hex: String { SeedText.hex(value) }

    /// The hex form.
    var description: String { hex }
}
