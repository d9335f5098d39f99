import Testing
import TraceFuzz
import TraceFuzzDistributedTracing

@Suite("W3CSpanIdentity")
struct W3CSpanIdentityTests {
    @Test("parses a traceparent and refuses malformed ones", arguments: [
        ("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true),
        ("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", false),
        ("00-4bf92f3577b34da6-00f067aa0ba902b7-01", false),
        ("", false),
    ])
    func parse(traceparent: String, valid: Bool) {
        let identity = W3CSpanIdentity.parse(traceparent)
        #expect((identity != nil) == valid)
        if valid {
            #expect(identity == SpanIdentity(traceID: "4bf92f3577b34da6a3ce929d0e0e4736", spanID: "00f067aa0ba902b7"))
        }
    }
}
