import Synchronization

/// Where an ``OTLPLoopbackReceiver`` files the spans sent to one endpoint: one exporter's output.
///
/// ```swift
/// let sink = receiver.makeSink()
/// // point an OTLP/HTTP JSON exporter at sink.endpoint, export, then:
/// print(sink.spans().map(\.name))
/// ```
public final class OTLPSpanSink: Sendable {
    /// The URL an OTLP/HTTP exporter sends to, as is (`http://127.0.0.1:PORT/v1/traces/NAME`).
    public let endpoint: String
    /// The request path the receiver routes to this sink.
    public let path: String

    private struct State {
        var spans: [ReceivedSpan] = []
        var requests = 0
        var encodings: Set<OTLPIDEncoding> = []
        var rejections: [String] = []
    }
    private let state = Mutex(State())

    init(endpoint: String, path: String) {
        self.endpoint = endpoint
        self.path = path
    }

    /// Every span received so far, in arrival order; a span sent twice is here twice.
    public func spans() -> [ReceivedSpan] { state.withLock { $0.spans } }

    /// How many export requests arrived (including ones with no spans or that could not be decoded).
    public var requestCount: Int { state.withLock { $0.requests } }

    /// The ID encodings the requests used: `[.base64]` when a client writes bytes the proto3 way.
    public var idEncodings: Set<OTLPIDEncoding> { state.withLock { $0.encodings } }

    /// Why requests were refused (not OTLP/JSON, malformed IDs), in order.
    public var rejections: [String] { state.withLock { $0.rejections } }

    func record(_ spans: [ReceivedSpan], encoding: OTLPIDEncoding?) {
        state.withLock { state in
            state.requests += 1
            state.spans.append(contentsOf: spans)
            if let encoding { state.encodings.insert(encoding) }
        }
    }

    func reject(_ reason: String) {
        state.withLock { state in
            state.requests += 1
            state.rejections.append(reason)
        }
    }
}
