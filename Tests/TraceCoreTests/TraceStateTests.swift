import Testing
import TraceCore

@Suite("TraceState") struct TraceStateTests {
    @Test(
        "valid tracestate values parse and serialize canonically",
        arguments: [
            ("congo=t61rcWkgMzE", "congo=t61rcWkgMzE"),
            ("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"),
            (" a=1 ,\tb=2\t", "a=1,b=2"),
            (",,a=1,,", "a=1"),
            ("", ""),
            ("fw529a3039@dt=abc", "fw529a3039@dt=abc"),
            ("1a=x", "1a=x"),
            ("a_-*/b=v v", "a_-*/b=v v"),
            ("k=!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~", "k=!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~"),
        ])
    func valid(header: String, canonical: String) throws {
        let state = try #require(TraceState(headerValue: header))
        #expect(state.headerValue == canonical)
    }

    @Test(
        "invalid tracestate values are rejected with their reason",
        arguments: [
            ("A=1", W3CRejection.malformedTracestate),
            ("a=1,a=2", .malformedTracestate),
            ("a", .malformedTracestate),
            ("a=", .malformedTracestate),
            ("a=1,b", .malformedTracestate),
            ("a=b=c", .malformedTracestate),
            ("a=b,c", .malformedTracestate),
            ("a=x\u{7f}", .malformedTracestate),
            ("@dt=1", .malformedTracestate),
            ("t@1dt=1", .malformedTracestate),
            ("t@dt@x=1", .malformedTracestate),
            ("t@abcdefghijklmno=1", .malformedTracestate),
            ("a=caf\u{e9}", .malformedTracestate),
            (String(repeating: "k", count: 257) + "=v", .malformedTracestate),
            ("k=" + String(repeating: "v", count: 257), .malformedTracestate),
            ((0..<33).map { "k\($0)=v" }.joined(separator: ","), .tooManyTracestateMembers),
        ])
    func invalid(header: String, reason: W3CRejection) {
        #expect(TraceState(headerValue: header) == nil)
        #expect(throws: reason) { try TraceState.parse(header).get() }
    }

    @Test("limits: 32 members, 256-character keys and values are accepted")
    func limits() throws {
        let full = (0..<32).map { "k\($0)=v" }.joined(separator: ",")
        #expect(try #require(TraceState(headerValue: full)).entries.count == 32)
        let long = String(repeating: "k", count: 256) + "=" + String(repeating: "v", count: 256)
        #expect(TraceState(headerValue: long) != nil)
    }

    @Test("setting moves the key to the front and drops the last member when full")
    func setting() throws {
        let state = try #require(TraceState(headerValue: "a=1,b=2,c=3"))
        #expect(state.setting("b", to: "9")?.headerValue == "b=9,a=1,c=3")
        #expect(state.setting("Bad", to: "1") == nil)
        #expect(state.setting("b", to: "x=y") == nil)
        #expect(state.removing("a").headerValue == "b=2,c=3")
        let full = try #require(TraceState(headerValue: (0..<32).map { "k\($0)=v" }.joined(separator: ",")))
        let updated = try #require(full.setting("new", to: "1"))
        #expect(updated.entries.count == 32)
        #expect(updated.entries.first?.key == "new")
        #expect(updated["k31"] == nil)
    }
}
