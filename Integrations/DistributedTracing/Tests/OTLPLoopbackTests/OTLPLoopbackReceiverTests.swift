import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OTLPLoopback
import Testing

@Suite("OTLPLoopbackReceiver")
struct OTLPLoopbackReceiverTests {
    /// Posts `body` to `endpoint` and returns the status code.
    private func post(_ body: String, to endpoint: String) async throws -> Int {
        var request = URLRequest(url: URL(string: endpoint)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private func request(traceID: String, spanID: String, parent: String?) -> String {
        let parentField = parent.map { #","parentSpanId":"\#($0)""# } ?? ""
        return #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},"#
            + #""scopeSpans":[{"spans":[{"traceId":"\#(traceID)","spanId":"\#(spanID)"\#(parentField),"name":"s1"}]}]}]}"#
    }

    @Test("files spans by endpoint, IDs as hex whether sent as hex or base64")
    func hexAndBase64() async throws {
        let receiver = try await OTLPLoopbackReceiver.start()
        let hexSink = receiver.makeSink()
        let base64Sink = receiver.makeSink()
        let hexStatus = try await post(
            request(traceID: "4bf92f3577b34da6a3ce929d0e0e4736", spanID: "00f067aa0ba902b7", parent: nil),
            to: hexSink.endpoint)
        let base64Status = try await post(
            request(traceID: "S/kvNXezTaajzpKdDg5HNg==", spanID: "APBnqgupArc=", parent: "APBnqgupArc="),
            to: base64Sink.endpoint)
        #expect(hexStatus == 200 && base64Status == 200)
        let hex = try #require(hexSink.spans().first)
        let base64 = try #require(base64Sink.spans().first)
        #expect(hex.traceID == "4bf92f3577b34da6a3ce929d0e0e4736" && hex.spanID == "00f067aa0ba902b7")
        #expect(base64.traceID == hex.traceID && base64.spanID == hex.spanID && base64.parentSpanID == hex.spanID)
        #expect(hex.parentSpanID == nil && hex.resourceAttributes["service.name"] == "a")
        #expect(hexSink.idEncodings == [.hex] && base64Sink.idEncodings == [.base64])
        await receiver.close()
    }

    @Test("refuses a body that is not an OTLP/JSON trace request, and says why")
    func refusesGarbage() async throws {
        let receiver = try await OTLPLoopbackReceiver.start()
        let sink = receiver.makeSink()
        #expect(try await post("not json", to: sink.endpoint) == 400)
        #expect(try await post(request(traceID: "xyz", spanID: "00f067aa0ba902b7", parent: nil), to: sink.endpoint) == 400)
        #expect(sink.spans().isEmpty && sink.rejections.count == 2)
        await receiver.close()
    }
}
