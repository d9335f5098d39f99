import Foundation
import Testing
import TraceCore

@Suite("OTLPJSONEncoder") struct OTLPJSONEncoderTests {
    static let parent = SpanData(
        name: "GET /",
        context: SpanContext(
            traceID: TraceID(high: 0x4bf9_2f35_77b3_4da6, low: 0xa3ce_929d_0e0e_4736),
            spanID: SpanID(0x00f0_67aa_0ba9_02b7), traceState: TraceState(headerValue: "vendor=x")!),
        parentSpanID: nil, startNanos: 1_700_000_000_000_000_000, endNanos: 1_700_000_000_000_000_500,
        attributes: [
            "http.method": "GET", "retries": 3, "ratio": 0.5, "cached": true, "tenant": "span-wins",
        ],
        session: ["tenant": "acme", "session.id": "s1"],
        resource: Resource(attributes: ["service.name": "checkout"]), scopeName: "http")

    static var child: SpanData {
        var child = parent
        child.name = "query"
        child.context.spanID = SpanID(0x0000_0000_0000_00ab)
        child.parentSpanID = parent.context.spanID
        child.context.traceState = TraceState()
        child.attributes = [:]
        child.scopeName = "db"
        return child
    }

    private func json(_ spans: [SpanData]) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: OTLPJSONEncoder.encode(spans))
        return try #require(object as? [String: Any])
    }

    @Test("spans are grouped by resource, then scope, with hex IDs and nanosecond strings")
    func shape() throws {
        let request = try json([Self.parent, Self.child])
        let resourceSpans = try #require(request["resourceSpans"] as? [[String: Any]])
        #expect(resourceSpans.count == 1)
        let resource = try #require(resourceSpans[0]["resource"] as? [String: Any])
        let resourceAttributes = try #require(resource["attributes"] as? [[String: Any]])
        #expect(resourceAttributes.count == 1)
        #expect(resourceAttributes[0]["key"] as? String == "service.name")
        #expect((resourceAttributes[0]["value"] as? [String: Any])?["stringValue"] as? String == "checkout")
        let scopeSpans = try #require(resourceSpans[0]["scopeSpans"] as? [[String: Any]])
        #expect(
            scopeSpans.compactMap { ($0["scope"] as? [String: Any])?["name"] as? String } == ["http", "db"])
        let span = try #require((scopeSpans[0]["spans"] as? [[String: Any]])?.first)
        #expect(span["traceId"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(span["spanId"] as? String == "00f067aa0ba902b7")
        #expect(span["parentSpanId"] == nil)
        #expect(span["traceState"] as? String == "vendor=x")
        #expect(span["name"] as? String == "GET /")
        #expect(span["kind"] as? Int == 1)
        #expect(span["startTimeUnixNano"] as? String == "1700000000000000000")
        #expect(span["endTimeUnixNano"] as? String == "1700000000000000500")
        let child = try #require((scopeSpans[1]["spans"] as? [[String: Any]])?.first)
        #expect(child["parentSpanId"] as? String == "00f067aa0ba902b7")
        #expect(child["spanId"] as? String == "00000000000000ab")
    }

    @Test("attribute values use the typed OTLP shape; session attributes join, the span's own win")
    func attributes() throws {
        let data = OTLPJSONEncoder.encode([Self.parent])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"{"key":"retries","value":{"intValue":"3"}}"#))
        #expect(text.contains(#"{"key":"ratio","value":{"doubleValue":0.5}}"#))
        #expect(text.contains(#"{"key":"cached","value":{"boolValue":true}}"#))
        #expect(text.contains(#"{"key":"http.method","value":{"stringValue":"GET"}}"#))
        #expect(text.contains(#"{"key":"session.id","value":{"stringValue":"s1"}}"#))
        #expect(text.contains(#"{"key":"tenant","value":{"stringValue":"span-wins"}}"#))
        #expect(!text.contains("\n"))
    }

    @Test("a status and events are written when set, left out when not")
    func statusAndEvents() throws {
        var failed = Self.parent
        failed.status = .error(description: "timed out")
        failed.events = [SpanEvent(name: "retry", timeNanos: 1_700_000_000_000_000_200, attributes: ["attempt": 2])]
        var succeeded = Self.child
        succeeded.status = .ok
        let text = String(decoding: OTLPJSONEncoder.encode([failed, succeeded, Self.child]), as: UTF8.self)
        #expect(text.contains(#""status":{"code":2,"message":"timed out"}"#))
        #expect(
            text.contains(
                #""events":[{"attributes":[{"key":"attempt","value":{"intValue":"2"}}],"name":"retry","timeUnixNano":"1700000000000000200"}]"#
            ))
        #expect(text.contains(#""status":{"code":1}"#))
        let plain = String(decoding: OTLPJSONEncoder.encode([Self.child]), as: UTF8.self)
        #expect(!plain.contains("status") && !plain.contains("events"))
    }

    @Test("different resources make separate resourceSpans entries, in order of first appearance")
    func resources() throws {
        var other = Self.child
        other.resource = Resource(attributes: ["service.name": "billing"])
        let request = try json([Self.parent, other, Self.child])
        let resourceSpans = try #require(request["resourceSpans"] as? [[String: Any]])
        #expect(resourceSpans.count == 2)
        let names = resourceSpans.compactMap {
            (($0["resource"] as? [String: Any])?["attributes"] as? [[String: Any]])?.first?["value"]
                as? [String: Any]
        }.compactMap { $0["stringValue"] as? String }
        #expect(names == ["checkout", "billing"])
    }

    @Test("the file exporter writes one request per line per batch")
    func fileExporter() throws {
        let file = try TemporaryFile()
        let exporter = OTLPJSONFileExporter(fileHandle: file.handle)
        #expect(exporter.export([Self.parent]))
        #expect(exporter.export([Self.child, Self.parent]))
        #expect(exporter.forceFlush())
        exporter.shutdown()
        #expect(!exporter.export([Self.parent]))
        let lines = try file.lines()
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["resourceSpans"] != nil)
        }
    }
}
