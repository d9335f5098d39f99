import Testing

@testable import TraceFuzzCommandLine

@Suite("Format")
struct FormatTests {
    @Test(
        "groups thousands",
        arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func grouped(value: Int, text: String) {
        #expect(Format.grouped(value) == text)
    }

    @Test(
        "fixed decimals",
        arguments: [(2.345, 2, "2.35"), (0.05, 1, "0.1"), (1234.5, 1, "1,234.5"), (3.0, 0, "3")])
    func fixed(value: Double, decimals: Int, text: String) {
        #expect(Format.fixed(value, decimals) == text)
    }

    @Test("tables align columns")
    func table() {
        let lines = Format.table([["a", "1"], ["long name", "1,000"]], rightAligned: [1])
        #expect(lines == ["  a              1", "  long name  1,000"])
    }
}
