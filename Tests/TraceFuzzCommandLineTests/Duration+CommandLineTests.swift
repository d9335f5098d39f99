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
        ])
    func rejects(text: String) {
        #expect(Duration(parsing: text) == nil)
    }

    @Test("the command-line form parses back", arguments: ["500ms", "30s", "5m", "1h", "1500ms"])
    func roundTrip(text: String) {
        #expect(Duration(parsing: text)?.commandLineForm == text)
    }
}
