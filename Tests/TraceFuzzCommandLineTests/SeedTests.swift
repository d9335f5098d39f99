import Testing
import TraceCore

@testable import TraceFuzzCommandLine

@Suite("Seed")
struct SeedTests {
    @Test(
        "parses decimal and hex",
        arguments: [
            ("42", 42), ("0x2a", 42), ("0X2A", 42), ("0xffff_ffff_ffff_ffff", UInt64.max),
            ("18446744073709551615", UInt64.max),
        ] as [(String, UInt64)])
    func parses(text: String, value: UInt64) {
        #expect(Seed(parsing: text)?.value == value)
    }

    @Test(
        "rejects malformed seeds",
        arguments: ["", "0x", "-1", "forty-two", "0xg1", "18446744073709551616", "4 2"])
    func rejects(text: String) {
        #expect(Seed(parsing: text) == nil)
    }

    @Test("prints lowercase hex that parses back")
    func hexRoundTrip() {
        for value: UInt64 in [0, 42, 0xdead_beef, .max] {
            let seed = Seed(value)
            #expect(seed.hex.hasPrefix("0x"))
            #expect(Seed(parsing: seed.hex) == seed)
        }
        #expect(Seed(42).hex == "0x2a")
    }

    @Test("a random seed comes from the given generator")
    func random() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        #expect(Seed.random(using: &first) == Seed.random(using: &second))
    }
}
