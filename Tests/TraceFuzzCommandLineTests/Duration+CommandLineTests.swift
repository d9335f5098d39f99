import Testing

@testable import TraceFuzzCommandLine

@Suite("Duration+CommandLine")
struct DurationCommandLineTests {
    @Test(
        "parses durations with units",
        arguments: [
            ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("1.5s", .milliseconds(1500)),
            ("5m", .seconds(300)), ("1h", .seconds(3600)),
        ])
    func parses(text: String, duration: Duration) {
        #expect(Duration(parsing: text) == duration)
    }

    @Test(
        "rejects unitless, negative, zero and malformed durations",
        arguments: [
            "30", "", "s", "-5s", "0s", "5 s", "5d", "1e3s", "abc",
            // Rounds to zero milliseconds, or past the longest session a flag accepts.
            "0.1ms", "0.0001s", "9999999999999h", "10001h", "\(String(repeating: "9", count: 400))s",
        ])
    func rejects(text: String) {
        #expect(Duration(parsing: text) == nil)
    }

    @Test("the command-line form parses back", arguments: ["500ms", "30s", "5m", "1h", "1500ms"])
    func roundTrip(text: String) {
        #expect(Duration(parsing: text)?.commandLineForm == text)
    }

    @Test("the longest accepted duration is 10000h")
    func maximum() {
        #expect(Duration(parsing: "10000h") == .seconds(36_000_000))
        #expect(Duration(parsing: "1ms") == .milliseconds(1))
    }
}
