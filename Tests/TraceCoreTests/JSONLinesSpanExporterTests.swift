import Foundation
import Testing
import TraceCore

@Suite("JSONLinesSpanExporter") struct JSONLinesSpanExporterTests {
    @Test("each span is one JSON object on its own line")
    func oneLinePerSpan() throws {
        let file = try TemporaryFile()
        let exporter = JSONLinesSpanExporter(fileHandle: file.handle)
        let spans = [OTLPJSONEncoderTests.parent, OTLPJSONEncoderTests.child]
        #expect(exporter.export(spans))
        #expect(exporter.export([OTLPJSONEncoderTests.child]))
        let lines = try file.lines()
        #expect(lines.count == 3)
        let first = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["name"] as? String == "GET /")
        #expect(first["traceId"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(first["spanId"] as? String == "00f067aa0ba902b7")
        #expect(first["scope"] as? String == "http")
        let second = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["parentSpanId"] as? String == "00f067aa0ba902b7")
    }

    @Test("lines read back into the same spans, attribute types included")
    func roundTrip() throws {
        var special = OTLPJSONEncoderTests.parent
        special.name = "quote \" backslash \\ newline \n unicode é"
        special.attributes["infinite"] = .double(.infinity)
        special.attributes["negative"] = .int(-42)
        let spans = [special, OTLPJSONEncoderTests.child]
        let decoded = try JSONLinesSpanExporter.decodeSpans(from: JSONLinesSpanExporter.encode(spans))
        #expect(decoded == spans)
    }

    @Test("a line that is not a span is an error")
    func badLine() {
        #expect(throws: (any Error).self) { try JSONLinesSpanExporter.decodeSpans(from: Data("{}\n".utf8)) }
        #expect((try? JSONLinesSpanExporter.decodeSpans(from: Data("\n\n".utf8))) == [])
    }

    @Test("spans exported through a provider reach the file; nothing is written after shutdown")
    func throughProvider() throws {
        let file = try TemporaryFile()
        let exporter = JSONLinesSpanExporter(fileHandle: file.handle)
        let provider = TracerProvider(processors: [BatchSpanProcessor(exporter: exporter)])
        provider.tracer("t").withSpan("a") { _ in provider.tracer("t").withSpan("b") { _ in } }
        #expect(provider.forceFlush(timeout: .seconds(30)) == .success)
        #expect(provider.shutdown(timeout: .seconds(30)) == .success)
        #expect(!exporter.export([OTLPJSONEncoderTests.child]))
        let spans = try JSONLinesSpanExporter.decodeSpans(from: file.contents())
        #expect(spans.map(\.name).sorted() == ["a", "b"])
    }
}
